using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Trainer.Evaluation;
using RealtimeSR.Trainer.Models;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>Scores the network during training with the same protocol as <c>eval</c>, plus one sample picture.</summary>
internal sealed class ValidationSet
{
    private readonly BenchmarkSet _set;

    public ValidationSet(string folder)
    {
        _set = BenchmarkSet.FromFolder(folder);
    }

    public string Name => _set.Name;

    /// <summary>Mean Y-PSNR/SSIM and the SR output of the first picture.</summary>
    public (SetResult Result, Image Sample) Run(SrNetwork network, Device device)
    {
        using IUpscaler upscaler = new TorchUpscaler(network, device, network.GetName(), ownsNetwork: false);
        SetResult result = new BenchmarkEvaluator(upscaler, saveFolder: null).Evaluate(_set);
        Image hr = ImageFile.Load(_set.Files[0]).CropToMultipleOf(network.Scale);
        return (result, upscaler.Upscale(MatlabResize.Downscale(hr, network.Scale)));
    }
}

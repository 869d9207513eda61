using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Trainer.Models;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>
/// Runs a TorchSharp network on single pictures (validation during training, <c>eval</c> and <c>test</c> of a
/// checkpoint): eval mode, no gradients, output clamped to [0, 1] and quantised like a saved file.
/// </summary>
internal sealed class TorchUpscaler : IImageUpscaler
{
    private readonly SrNetwork _network;
    private readonly Device _device;
    private readonly bool _ownsNetwork;

    public TorchUpscaler(SrNetwork network, Device device, string name, bool ownsNetwork)
    {
        _network = network;
        _device = device;
        Name = name;
        _ownsNetwork = ownsNetwork;
    }

    public string Name { get; }

    public int Scale => _network.Scale;

    public Image Upscale(Image lr)
    {
        Image unit = lr.ToRange(PixelRange.Unit);
        bool wasTraining = _network.training;
        _network.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor input = tensor(unit.Planes, [1, 3, unit.Height, unit.Width]).to(_device);
            Tensor output = _network.forward(input).clamp_(LongLivedScalars.Zero, LongLivedScalars.One).cpu();
            var result = new Image(lr.Width * Scale, lr.Height * Scale, PixelRange.Unit, output.data<float>().ToArray(), lr.IsSingleChannelSource);
            return result.ToRange(PixelRange.Byte);
        }
        finally
        {
            _network.train(wasTraining);
        }
    }

    public void Dispose()
    {
        if (_ownsNetwork)
        {
            _network.Dispose();
        }
    }
}

using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// A network that super-resolves luma only (the FSRCNN/ESPCN family and the real-time nets): its core works on
/// Y and <see cref="LumaPath"/> brings the picture back to RGB with bicubic chroma. Trained on luma.
/// </summary>
internal sealed class LumaNetwork : SrNetwork
{
    private readonly LumaPath path;

    public LumaNetwork(string name, NetworkOptions options, nn.Module<Tensor, Tensor> core)
        : base(name, options)
    {
        path = new LumaPath(core, options.Scale);
        RegisterComponents();
    }

    public override LossSpace LossSpace => LossSpace.Luma;

    public LumaPath Path => path;

    public nn.Module<Tensor, Tensor> Core => path.Core;

    public override Tensor forward(Tensor input) => path.forward(input);

    public override Tensor TrainingLoss(Tensor sr, Tensor hr) => nn.functional.mse_loss(path.Luma(sr), path.Luma(hr));
}

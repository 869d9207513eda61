using RealtimeSR.Trainer.Export;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// A network that super-resolves luma only (the FSRCNN/ESPCN family and the real-time nets): its core works on
/// Y and <see cref="LumaPath"/> brings the picture back to RGB with bicubic chroma. Trained on luma.
/// </summary>
internal sealed class LumaNetwork : SrNetwork
{
    // Only module fields: TorchSharp registers every module-valued field, and the core is registered inside the path.
    private readonly LumaPath path;

    public LumaNetwork(string name, NetworkOptions options, ILumaCore core)
        : base(name, options)
    {
        path = new LumaPath(core.Module, options.Scale);
        RegisterComponents();
    }

    public override LossSpace LossSpace => LossSpace.Luma;

    public LumaPath Path => path;

    public ILumaCore Core => (ILumaCore)path.Core;

    public override Tensor forward(Tensor input) => path.forward(input);

    public override Tensor TrainingLoss(Tensor sr, Tensor hr) => nn.functional.mse_loss(path.Luma(sr), path.Luma(hr));

    /// <summary>As <see cref="LumaPath"/>.forward: Y in, the core, bicubic chroma back (or the core's own faster RGB graph).</summary>
    public override string EmitOnnx(GraphEmitter emit, string rgb)
    {
        string y = emit.Luma(rgb);
        if (Core.EmitRgbOnnx(emit, rgb, y) is { } direct)
        {
            return direct;
        }

        string ySr = Core.EmitOnnx(emit, y);
        string rgbBicubic = emit.DepthToSpace(emit.BicubicPhases(rgb, 3, Scale), Scale);
        string delta = emit.Mul(emit.Sub(ySr, emit.Luma(rgbBicubic)), emit.Constant([1], 1 / LumaPath.LumaGain));
        return emit.Add(rgbBicubic, delta);
    }
}

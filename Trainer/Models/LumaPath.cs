using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// Runs a luma-only core inside the RGB contract. Y is the benchmark luma (BT.601 limited range) scaled to
/// [0, 1]: Y = (16 + 65.481 R + 128.553 G + 24.966 B) / 255 for R, G, B in [0, 1]. The colour comes from the
/// bicubic upscale; adding the same δ to R, G and B changes Y by δ·219/255 and leaves Cb and Cr alone, so
/// out = bicubic(RGB) + (Y_sr − Y(bicubic(RGB)))·255/219 has exactly the core's Y and bicubic chroma.
/// </summary>
internal sealed class LumaPath : nn.Module<Tensor, Tensor>
{
    /// <summary>Luma weights per R, G, B for inputs in [0, 1].</summary>
    public static readonly float[] Weights = [65.481f / 255, 128.553f / 255, 24.966f / 255];
    public const float Offset = 16f / 255;
    public const float LumaGain = 219f / 255;

    private readonly nn.Module<Tensor, Tensor> core;
    private readonly BicubicPhases colour;
    private readonly Tensor lumaWeights;
    private readonly Scalar offset = Offset.ToScalar();
    private readonly Scalar inverseGain = (1 / LumaGain).ToScalar();

    /// <param name="core">Maps Y [N, 1, H, W] to Y [N, 1, sH, sW].</param>
    /// <param name="factor">The core's scale.</param>
    public LumaPath(nn.Module<Tensor, Tensor> core, int factor)
        : base(nameof(LumaPath))
    {
        this.core = core;
        colour = new BicubicPhases(3, factor);
        lumaWeights = tensor(Weights).reshape(1, 3, 1, 1);
        Factor = factor;
        RegisterComponents();
    }

    public int Factor { get; }

    public nn.Module<Tensor, Tensor> Core => core;

    /// <summary>Benchmark luma in [0, 1] of an RGB batch in [0, 1].</summary>
    public Tensor Luma(Tensor rgb) => (rgb * lumaWeights).sum(1, keepdim: true).add_(offset, LongLivedScalars.One);

    public override Tensor forward(Tensor input)
    {
        Tensor lumaSr = core.forward(Luma(input));
        Tensor rgbBicubic = nn.functional.pixel_shuffle(colour.forward(input), Factor);
        return rgbBicubic.add(lumaSr.sub(Luma(rgbBicubic)).mul_(inverseGain), LongLivedScalars.One);
    }
}

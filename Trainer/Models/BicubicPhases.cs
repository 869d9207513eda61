using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// A fixed (not trained) module mapping each of <c>channels</c> LR planes to its factor² bicubic sub-pixel
/// phases (see <see cref="BicubicPhaseKernel"/>): output [N, channels·factor², H, W]. Pixel-shuffling the result
/// gives the bicubic upscale; adding a learned residual before the shuffle gives a global bicubic skip for free.
/// </summary>
internal sealed class BicubicPhases : nn.Module<Tensor, Tensor>
{
    private readonly Tensor kernel;

    public BicubicPhases(int channels, int factor)
        : base(nameof(BicubicPhases))
    {
        Channels = channels;
        Factor = factor;
        using Tensor single = tensor(BicubicPhaseKernel.Weights(factor))
            .reshape(factor * factor, 1, BicubicPhaseKernel.Size, BicubicPhaseKernel.Size);
        kernel = single.repeat(channels, 1, 1, 1);
        RegisterComponents();
    }

    public int Channels { get; }

    public int Factor { get; }

    /// <summary>The fixed weights, [channels·factor², 1, 5, 5], grouped by input channel.</summary>
    public Tensor Kernel => kernel;

    public override Tensor forward(Tensor input)
    {
        int p = BicubicPhaseKernel.Padding;
        using Tensor padded = nn.functional.pad(input, [p, p, p, p], PaddingModes.Replicate);
        return nn.functional.conv2d(padded, kernel, groups: Channels);
    }
}

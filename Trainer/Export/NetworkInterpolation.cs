using RealtimeSR.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Export;

/// <summary>
/// Network interpolation (ESRGAN, Wang et al. 2018): every weight becomes (1 − t)·own + t·other's, for two networks
/// of one architecture where one was fine-tuned from the other (an SRGAN from its SRResNet). The result trades the
/// GAN's texture against the PSNR model's fidelity smoothly in t, with no further training.
/// </summary>
internal static class NetworkInterpolation
{
    /// <summary>
    /// Moves <paramref name="network"/>'s weights and float buffers (batch-norm statistics) a fraction
    /// <paramref name="t"/> towards <paramref name="other"/>'s, which must have the same <see cref="SrNetwork.Options"/>
    /// (the caller checks, and names the checkpoint when they differ).
    /// </summary>
    public static void Apply(SrNetwork network, SrNetwork other, double t)
    {
        var others = other.state_dict();
        using Scalar own = (1 - t).ToScalar(), theirs = t.ToScalar();
        using var noGrad = no_grad();
        foreach (var (name, tensor) in network.state_dict())
        {
            if (tensor.is_floating_point())
            {
                tensor.mul_(own).add_(others[name], theirs);
            }
        }
    }
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// PReLU (He et al. 2015) with one learned slope per channel, or one shared, starting at 0.25 as in PyTorch. The
/// slope parameter is named <c>weight</c> like TorchSharp's PReLU's, whose constructor fills it with a Scalar made
/// on the fly (see Trainer/Torch/BannedSymbols.txt).
/// </summary>
internal sealed class ParametricRelu : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    public ParametricRelu(long slopes)
        : base(nameof(ParametricRelu))
    {
        using (no_grad())
        {
            weight = nn.Parameter(ones(slopes).mul_(LongLivedScalars.Quarter));
        }

        RegisterComponents();
    }

    /// <summary>The slopes for negative inputs, [C] or [1].</summary>
    public Parameter Weight => weight;

    public override Tensor forward(Tensor input) => input.prelu(weight);
}

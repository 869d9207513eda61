using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// LeakyReLU with a fixed slope that the module holds as a Scalar for its lifetime (TorchSharp's LeakyReLU makes
/// it on the fly at every call; see Trainer/Torch/BannedSymbols.txt).
/// </summary>
internal sealed class LeakyRelu : nn.Module<Tensor, Tensor>
{
    private readonly Scalar slope;

    public LeakyRelu(double slope)
        : base(nameof(LeakyRelu))
    {
        Slope = slope;
        this.slope = slope.ToScalar();
    }

    public double Slope { get; }

    public override Tensor forward(Tensor input) => input.leaky_relu(slope);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            slope.Dispose();
        }

        base.Dispose(disposing);
    }
}

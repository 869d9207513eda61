using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// Batch normalisation over the channels of NCHW input (PyTorch's BatchNorm2d: momentum 0.1, ε 1e-5, affine,
/// running statistics). The parameters and buffers carry BatchNorm2d's names, so checkpoints keep their layout;
/// TorchSharp's own module is not used because its forward makes Scalars on the fly (see
/// Trainer/Torch/BannedSymbols.txt).
/// </summary>
internal sealed class BatchNormalization : nn.Module<Tensor, Tensor>
{
    public const double Momentum = 0.1;
    public const double Epsilon = 1e-5;

    private static readonly Scalar OneBatch = 1L.ToScalar();

    private readonly Parameter weight;
    private readonly Parameter bias;

    [ComponentName(Name = "running_mean")]
    private readonly Tensor runningMean;

    [ComponentName(Name = "running_var")]
    private readonly Tensor runningVariance;

    [ComponentName(Name = "num_batches_tracked")]
    private readonly Tensor batchesTracked;

    public BatchNormalization(long channels)
        : base(nameof(BatchNormalization))
    {
        weight = nn.Parameter(ones(channels));
        bias = nn.Parameter(zeros(channels));
        runningMean = zeros(channels);
        runningVariance = ones(channels);
        batchesTracked = zeros([], ScalarType.Int64);
        RegisterComponents();
    }

    /// <summary>γ, one per channel.</summary>
    public Parameter Weight => weight;

    /// <summary>β, one per channel.</summary>
    public Parameter Bias => bias;

    public Tensor RunningMean => runningMean;

    public Tensor RunningVariance => runningVariance;

    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            batchesTracked.add_(OneBatch, OneBatch); // a buffer: no gradient is recorded
        }

        return nn.functional.batch_norm(input, runningMean, runningVariance, weight, bias, training, Momentum, Epsilon);
    }
}

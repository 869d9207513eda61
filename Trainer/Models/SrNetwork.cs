using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Torch;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// A super-resolution network that follows the model contract in its own forward pass: input NCHW RGB float in
/// [0, 1], output NCHW RGB float nominally in [0, 1] (not clamped), <see cref="Scale"/>× larger. Any
/// normalisation an architecture trains with (ImageNet statistics, tanh output, luma-only processing) happens
/// inside <c>forward</c>, so the exported ONNX graph is the same function.
/// </summary>
internal abstract class SrNetwork : nn.Module<Tensor, Tensor>
{
    static SrNetwork() => LibTorchKernels.EnsureNativeConvolutions();

    protected SrNetwork(string name, NetworkOptions options)
        : base(name)
    {
        Options = options;
    }

    public NetworkOptions Options { get; }

    public int Scale => Options.Scale;

    /// <summary>Where the training loss belongs for this network.</summary>
    public virtual LossSpace LossSpace => LossSpace.Rgb;

    /// <summary>
    /// The training loss: mean squared error between the output and the HR batch (both RGB in [0, 1]), on the
    /// whole picture or on its luma (<see cref="LossSpace"/>). For SRResNet this is the tutorial's MSE on [−1, 1]
    /// divided by 4, which Adam does not notice.
    /// </summary>
    public virtual Tensor TrainingLoss(Tensor sr, Tensor hr) => nn.functional.mse_loss(sr, hr);

    /// <summary>
    /// Writes this network's <c>forward</c> as ONNX nodes on the RGB input <paramref name="rgb"/> and returns the name
    /// of its RGB output; <see cref="Export.ExportParity"/> holds the two together.
    /// </summary>
    public abstract string EmitOnnx(GraphEmitter emit, string rgb);

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());
}

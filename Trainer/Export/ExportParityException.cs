using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Export;

/// <summary>The exported graph does not compute what the network computes: nothing is written.</summary>
internal sealed class ExportParityException : ReportableException
{
    public override int ExitCode => ExitCodes.BadModel;

    /// <param name="source">Names the model.</param>
    /// <param name="comparison">What differs from what, e.g. "ONNX output differs from the TorchSharp forward".</param>
    /// <param name="difference">The largest absolute difference found.</param>
    /// <param name="limit">The largest one allowed.</param>
    public ExportParityException(string source, string comparison, double difference, double limit)
        : base($"{source}: {comparison} by {difference:G3} (limit {limit}); not written")
    {
    }
}

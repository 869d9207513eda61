using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Export;

/// <summary>The exported graph does not compute what the network computes: nothing is written.</summary>
internal sealed class ExportParityException : ReportableException
{
    public ExportParityException(string source, double difference)
        : base($"{source}: ONNX output differs from the TorchSharp forward by {difference:G3} (limit {ExportParity.Tolerance}); not written")
    {
    }
}

using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Inference;

/// <summary>
/// ONNX Runtime accepted the model but failed to run it on a frame (an operator that cannot handle the size,
/// out of memory). The message names the model, the input size and ONNX Runtime's reason in one line.
/// </summary>
public sealed class InferenceException : ReportableException
{
    public override int ExitCode => ExitCodes.BadModel;

    public InferenceException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

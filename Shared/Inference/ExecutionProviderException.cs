using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Inference;

/// <summary>
/// The execution provider the user asked for cannot run here (e.g. CUDA without CUDA 13 + cuDNN 9 or without a
/// GPU). The message is one line with ONNX Runtime's reason.
/// </summary>
public sealed class ExecutionProviderException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public ExecutionProviderException(ExecutionProvider provider, string message, Exception? inner = null)
        : base(message, inner)
    {
        Provider = provider;
    }

    /// <summary>The provider that failed.</summary>
    public ExecutionProvider Provider { get; }
}

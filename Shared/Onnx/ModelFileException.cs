using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// A model file that cannot be used at all: missing, unreadable, not an ONNX model, or rejected by ONNX Runtime.
/// The message names the file.
/// </summary>
public sealed class ModelFileException : ReportableException
{
    public override int ExitCode => ExitCodes.BadModel;

    public ModelFileException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The file (or, for in-memory models, the source name) the failure is about.</summary>
    public string Path { get; }
}

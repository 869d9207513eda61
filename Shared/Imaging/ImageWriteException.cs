using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Shared.Imaging;

/// <summary>An image file could not be written (unwritable folder, full disk); no partial file is left.</summary>
public sealed class ImageWriteException : ReportableException
{
    public override int ExitCode => ExitCodes.WriteFailed;

    public ImageWriteException(string path, string reason, Exception? inner = null)
        : base($"cannot write {path}: {reason}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}

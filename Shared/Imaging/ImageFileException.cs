using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Imaging;

/// <summary>An image file is missing, unreadable, corrupt, or of a format we do not write.</summary>
public sealed class ImageFileException : ReportableException
{
    public override int ExitCode => ExitCodes.BadInput;

    public ImageFileException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}

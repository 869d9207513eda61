using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Video;

/// <summary>Writing an output video failed (unwritable folder, full disk, encoder refused the options).</summary>
public sealed class VideoWriteException : ReportableException
{
    public override int ExitCode => ExitCodes.WriteFailed;

    public VideoWriteException(string path, string reason, Exception? inner = null)
        : base($"cannot write {path}: {reason}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}

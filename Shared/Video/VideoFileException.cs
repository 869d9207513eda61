using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Video;

/// <summary>An input video (or picture read through ffmpeg) is missing, unreadable, corrupt, truncated or unsuitable.</summary>
public sealed class VideoFileException : ReportableException
{
    public override int ExitCode => ExitCodes.BadInput;

    public VideoFileException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}

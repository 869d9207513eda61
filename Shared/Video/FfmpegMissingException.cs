using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Video;

/// <summary>ffmpeg, ffprobe or prlimit is not installed (or not on PATH).</summary>
public sealed class FfmpegMissingException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public FfmpegMissingException(string tool, Exception? inner = null)
        : base($"{tool} is not installed or not on PATH (./rtsr installs ffmpeg on Debian)", inner)
    {
        Tool = tool;
    }

    public string Tool { get; }
}

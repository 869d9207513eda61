using System.Globalization;

namespace RealtimeSR.Shared.Video.Live;

/// <summary>
/// Which inputs are live streams rather than files, and the ffmpeg input options that open one with little delay.
/// </summary>
public static class LiveSource
{
    private static readonly string[] Schemes = ["rtsp://", "rtsps://", "udp://", "tcp://", "http://", "https://", "srt://", "rtmp://"];

    /// <summary>Whether <paramref name="input"/> names a live source: a stream URL or a V4L2 device (/dev/videoN).</summary>
    public static bool IsLive(string input) =>
        Schemes.Any(s => input.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || IsCaptureDevice(input);

    /// <summary>A V4L2 capture device such as /dev/video0.</summary>
    public static bool IsCaptureDevice(string input) => input.StartsWith("/dev/video", StringComparison.Ordinal);

    /// <summary>
    /// The ffmpeg/ffprobe options before and including <c>-i</c> that open <paramref name="url"/> (see <see cref="InputOptions"/>).
    /// </summary>
    public static IReadOnlyList<string> InputArguments(string url, LiveSourceOptions options) => [.. InputOptions(url, options), "-i", url];

    /// <summary>
    /// The ffmpeg/ffprobe input options that open <paramref name="url"/>, without the <c>-i</c>: no input buffering
    /// (frames go out as soon as they are decoded), one second of stream analysis, RTSP over the chosen transport with a socket timeout, a read
    /// timeout for the other network protocols (a silent server then ends the run instead of hanging it), and the
    /// v4l2 demuxer for a device.
    /// </summary>
    public static IReadOnlyList<string> InputOptions(string url, LiveSourceOptions options)
    {
        string microseconds = ((long)options.StallTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        // ffmpeg's default 5 s of stream analysis would hold every (re)connection's first picture back by as much;
        // one second still spans a keyframe with its parameter sets in common camera streams.
        var args = new List<string> { "-fflags", "nobuffer", "-flags", "low_delay", "-analyzeduration", "1000000" };
        if (url.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase))
        {
            args.AddRange(["-rtsp_transport", options.RtspTransport, "-timeout", microseconds]);
        }
        else if (url.StartsWith("udp://", StringComparison.OrdinalIgnoreCase))
        {
            args.AddRange(["-timeout", microseconds]);
        }
        else if (IsCaptureDevice(url))
        {
            args.AddRange(["-f", "v4l2"]);
        }
        else
        {
            args.AddRange(["-rw_timeout", microseconds]);
        }

        return args;
    }
}

using System.Diagnostics;
using System.Globalization;

namespace RealtimeSR.Tests.Video;

/// <summary>
/// Makes small test clips with ffmpeg's lavfi sources (testsrc2 picture, sine audio) at test time, so no media
/// file lives in the repository; also runs ffprobe queries the tests compare outputs with.
/// </summary>
internal static class TestClips
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A clip of <paramref name="frames"/> frames at <paramref name="width"/>×<paramref name="height"/>, 30 fps.
    /// <paramref name="vfr"/> inserts a 0.5 s gap after frame 10 (variable frame rate). <paramref name="audio"/>
    /// adds a sine; <paramref name="subtitles"/> an SRT track (mkv); <paramref name="extraOutputArgs"/> go before the
    /// output (colour tags, rotation, codec). testsrc2 only makes even sizes, so odd ones are cropped from the next
    /// even size (and need a pixel format without chroma subsampling, e.g. yuv444p).
    /// </summary>
    public static string Make(
        string path, int width = 64, int height = 48, int frames = 20, bool vfr = false, bool audio = false, bool subtitles = false,
        string codecArgs = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p", string extraOutputArgs = "")
    {
        var args = new List<string> { "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=s={width + width % 2}x{height + height % 2}:r=30:d={frames / 30.0 + 1:R},{(width % 2 + height % 2 > 0 ? "format=yuv444p," : "")}crop={width}:{height}:0:0" };
        if (audio)
        {
            args.AddRange(["-f", "lavfi", "-i", "sine=f=440:r=48000:d=" + (frames / 30.0 + 1.5).ToString("R", CultureInfo.InvariantCulture)]);
        }

        if (subtitles)
        {
            string srt = Path.ChangeExtension(path, ".srt");
            File.WriteAllText(srt, "1\n00:00:00,100 --> 00:00:00,500\nplate ABC 123\n\n2\n00:00:00,600 --> 00:00:00,900\nsecond line\n");
            args.AddRange(["-i", srt]);
        }

        if (vfr)
        {
            args.AddRange(["-vf", "setpts='(N+if(gte(N,10),15,0))/30/TB'", "-fps_mode", "passthrough"]);
        }

        args.AddRange(["-frames:v", frames.ToString(CultureInfo.InvariantCulture), "-map", "0:v"]);
        args.AddRange(codecArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (audio)
        {
            args.AddRange(["-map", "1:a", "-c:a", "aac"]);
        }

        if (subtitles)
        {
            args.AddRange(["-map", audio ? "2:s" : "1:s", "-c:s", "srt"]);
        }

        args.AddRange(extraOutputArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        args.Add(path);
        Run("ffmpeg", args);
        return path;
    }

    /// <summary>Runs a tool and returns stdout; fails the test with stderr when it exits non-zero.</summary>
    public static string Run(string tool, IEnumerable<string> args) => ToolProcess.RunTool(tool, args, Timeout);

    /// <summary>Presentation timestamps of the first stream of <paramref name="type"/> ("v", "a"), sorted, as text.</summary>
    public static string[] PacketTimestamps(string path, string type) =>
        Lines(Run("ffprobe", ["-v", "error", "-select_streams", $"{type}:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", path]))
            .Select(l => double.Parse(l.TrimEnd(','), CultureInfo.InvariantCulture)).Order().Select(v => v.ToString("F6", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Per-packet pts and MD5 of the data for the first stream of <paramref name="type"/>.</summary>
    public static string[] PacketHashes(string path, string type) =>
        Lines(Run("ffprobe", ["-v", "error", "-select_streams", $"{type}:0", "-show_data_hash", "MD5", "-show_entries", "packet=pts,data_hash", "-of", "csv=p=0", path]));

    /// <summary>One stream field (e.g. "color_space") of the first video stream.</summary>
    public static string VideoField(string path, string field) =>
        Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", $"stream={field}", "-of", "csv=p=0", path]).Trim().TrimEnd(',');

    /// <summary>Number of video frames, counted by decoding (first line: MPEG-TS lists the stream once per program too).</summary>
    public static int CountFrames(string path) =>
        int.Parse(Lines(Run("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path]))[0].TrimEnd(','), CultureInfo.InvariantCulture);

    /// <summary>
    /// ffprobe's best_effort_timestamp of every decoded frame of the first video stream, in the stream's time base,
    /// in output order; null where ffprobe has none ("N/A": frames of streams without pts).
    /// </summary>
    public static long?[] FrameTimestamps(string path) =>
        Lines(Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=best_effort_timestamp", "-of", "csv=p=0", path]))
            .Select(l => long.TryParse(l.TrimEnd(','), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : (long?)null).ToArray();

    /// <summary>
    /// ffmpeg's framemd5 of every decoded frame of the first video stream, with its PTS in the stream's own time base
    /// (the header lines dropped): equal lists mean the same pictures at the same times.
    /// </summary>
    public static string[] FrameMd5(string path) =>
        Lines(Run("ffmpeg", ["-v", "error", "-i", path, "-map", "0:v:0", "-fps_mode", "passthrough", "-enc_time_base:v", "-1", "-f", "framemd5", "-"]))
            .Where(l => !l.StartsWith('#')).ToArray();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FFMpegCore;
using Instances;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Reads a media file's description with ffprobe (JSON), its packet timestamps (a fast scan, no decoding) and, when
/// asked, the timestamps of the frames the decoder actually produces.
/// </summary>
public static class VideoProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(2);

    // A decode-only pass runs at hundreds of frames per second even for HD; an hour covers feature-length files.
    private static readonly TimeSpan DecodeTimeout = TimeSpan.FromHours(1);

    /// <summary>Describes <paramref name="path"/>'s first video stream and lists its audio and subtitle streams.</summary>
    /// <exception cref="VideoFileException">Missing file, not a media file, or no video stream.</exception>
    public static VideoInfo Probe(string path)
    {
        if (!File.Exists(path))
        {
            throw new VideoFileException(path, "no such file");
        }

        return Describe(path, ["--", path], ProbeTimeout, "not a readable media file");
    }

    /// <summary>
    /// Connects to the live source <paramref name="url"/> (<see cref="Live.LiveSource"/>) and describes its first video
    /// stream as <see cref="Probe"/> does a file's.
    /// </summary>
    /// <exception cref="VideoFileException">Nothing answers, no picture within the connect timeout, or no video stream.</exception>
    public static VideoInfo ProbeLive(string url, Live.LiveSourceOptions options)
    {
        try
        {
            return Describe(url, Live.LiveSource.InputArguments(url, options), options.ConnectTimeout, "cannot open the stream");
        }
        catch (TimeoutException)
        {
            throw new VideoFileException(url, $"no stream within {options.ConnectTimeout.TotalSeconds:0.#} s (is the sender running?)");
        }
    }

    private static VideoInfo Describe(string path, IEnumerable<string> input, TimeSpan timeout, string failure)
    {
        var (exit, output, error) = RunFfprobe(["-v", "error", "-print_format", "json", "-show_format", "-show_streams", .. input], timeout);
        if (exit != 0)
        {
            throw new VideoFileException(path, $"{failure} ({LastLine(error, $"ffprobe exit code {exit}")})");
        }

        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToArray() : [];
        var video = streams.FirstOrDefault(x => Text(x, "codec_type") == "video" && !IsAttachedPicture(x));
        if (video.ValueKind != JsonValueKind.Object)
        {
            throw new VideoFileException(path, "has no video stream");
        }

        var format = root.TryGetProperty("format", out var f) ? f : default;
        int width = Integer(video, "width") ?? 0, height = Integer(video, "height") ?? 0;
        if (width < 1 || height < 1)
        {
            throw new VideoFileException(path, $"video stream has no usable size ({width}x{height})");
        }

        var average = Rational.Parse(Text(video, "avg_frame_rate"));
        double duration = Number(video, "duration") ?? (format.ValueKind == JsonValueKind.Object ? Number(format, "duration") : null) ?? double.NaN;
        return new VideoInfo
        {
            Path = path,
            Format = format.ValueKind == JsonValueKind.Object ? Text(format, "format_name") ?? "" : "",
            StreamIndex = Integer(video, "index") ?? 0,
            Codec = Text(video, "codec_name") ?? "",
            Width = width,
            Height = height,
            PixelFormat = Text(video, "pix_fmt") ?? "",
            SampleAspectRatio = Rational.Parse(Text(video, "sample_aspect_ratio")),
            Rotation = RotationOf(video),
            FrameRate = average.IsKnown ? average : Rational.Parse(Text(video, "r_frame_rate")),
            TimeBase = Rational.Parse(Text(video, "time_base")),
            Duration = duration,
            DeclaredFrameCount = Integer(video, "nb_frames"),
            BitRate = Number(video, "bit_rate") ?? (format.ValueKind == JsonValueKind.Object ? Number(format, "bit_rate") : null),
            Colour = new ColourTags(
                Known(Text(video, "color_space")), Known(Text(video, "color_range")),
                Known(Text(video, "color_primaries")), Known(Text(video, "color_transfer"))),
            AudioStreams = streams.Where(x => Text(x, "codec_type") == "audio")
                .Select(x => new AudioStreamInfo(Integer(x, "index") ?? 0, Text(x, "codec_name") ?? "", Integer(x, "sample_rate") ?? 0, Integer(x, "channels") ?? 0))
                .ToArray(),
            SubtitleStreams = streams.Where(x => Text(x, "codec_type") == "subtitle")
                .Select(x => new SubtitleStreamInfo(Integer(x, "index") ?? 0, Text(x, "codec_name") ?? "", Tag(x, "language")))
                .ToArray(),
        };
    }

    /// <summary>
    /// The presentation timestamps of the video stream's packets, in the stream's time base, sorted. Taken from the
    /// packets (no decoding, so it is fast); a stream whose packets carry no timestamps (AVI, raw elementary streams)
    /// gets index ÷ frame rate. An estimate of the frames only: packed B-frames, "not coded" placeholders and dropped
    /// packets make packets and decoded frames differ (<see cref="ReadDecodedTimestamps"/> has the real ones).
    /// </summary>
    /// <exception cref="VideoFileException">ffprobe cannot read the packets.</exception>
    public static long[] ReadFrameTimestamps(VideoInfo info)
    {
        var (exit, output, error) = RunFfprobe(
            ["-v", "error", "-select_streams", info.StreamIndex.ToString(CultureInfo.InvariantCulture), "-show_entries", "packet=pts", "-of", "csv=p=0", "--", info.Path]);
        if (exit != 0)
        {
            throw new VideoFileException(info.Path, $"cannot read the video packets ({LastLine(error, $"ffprobe exit code {exit}")})");
        }

        // At -v error ffprobe only speaks about damage ("File ended prematurely", invalid NAL units): a file it
        // complains about would decode to fewer or broken frames, so it is refused rather than passed off as whole.
        if (error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } complaint)
        {
            throw new VideoFileException(info.Path, $"truncated or corrupt ({WithoutContext(complaint)})");
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.TrimEnd(','))
            .ToArray();
        var timestamps = new long[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            if (!long.TryParse(lines[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out timestamps[i]))
            {
                return SyntheticTimestamps(info, lines.Length);
            }
        }

        Array.Sort(timestamps);
        return timestamps;
    }

    /// <summary>
    /// The presentation timestamps of the video stream's keyframe packets (where decoding can start), in the stream's
    /// time base, sorted; empty where the packets carry no timestamps. From the packets, without decoding.
    /// </summary>
    /// <exception cref="VideoFileException">ffprobe cannot read the packets.</exception>
    public static long[] ReadKeyframeTimestamps(VideoInfo info)
    {
        var (exit, output, error) = RunFfprobe(
            ["-v", "error", "-select_streams", info.StreamIndex.ToString(CultureInfo.InvariantCulture), "-show_entries", "packet=pts,flags", "-of", "csv=p=0", "--", info.Path]);
        if (exit != 0)
        {
            throw new VideoFileException(info.Path, $"cannot read the video packets ({LastLine(error, $"ffprobe exit code {exit}")})");
        }

        var keyframes = new List<long>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] fields = line.Split(',');
            if (fields.Length >= 2 && fields[1].Contains('K', StringComparison.Ordinal)
                && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long pts))
            {
                keyframes.Add(pts);
            }
        }

        keyframes.Sort();
        return [.. keyframes];
    }

    /// <summary>
    /// The timestamps of every frame the decoder produces, in decoding output order, in <paramref name="timeBase"/>
    /// units: exactly what <see cref="VideoReader"/> stamps on its frames. Decodes the whole stream (no conversion),
    /// so it costs one decode of the file.
    /// </summary>
    /// <exception cref="VideoFileException">ffmpeg cannot decode the stream or reports damage.</exception>
    /// <param name="info">The probed file.</param>
    /// <param name="timeBase">Units of the returned timestamps.</param>
    /// <param name="seekSeconds">Start at the frame at or after this timestamp (<see cref="InputOptions"/>); null = from the start.</param>
    /// <param name="maxFrames">Stop after this many frames; null = all.</param>
    public static long[] ReadDecodedTimestamps(VideoInfo info, Rational timeBase, double? seekSeconds = null, int? maxFrames = null)
    {
        var timestamps = new FrameTimestampQueue(timeBase) { ClaimLinesBeforeFirstFrame = seekSeconds is not null };
        var args = new List<string>(InputOptions(info, seekSeconds))
        {
            "-map", string.Create(CultureInfo.InvariantCulture, $"0:{info.StreamIndex}"),
        };
        if (maxFrames is { } most)
        {
            args.AddRange(["-frames:v", most.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(TimestampOutput(timeBase));
        using var ffmpeg = FfmpegProcess.Start(args, sink: timestamps);
        int exit = ffmpeg.WaitForExit(DecodeTimeout);
        if (exit != 0)
        {
            throw new VideoFileException(info.Path, $"cannot decode the video ({ffmpeg.Reason($"ffmpeg exit code {exit}")})");
        }

        if (ffmpeg.ErrorText.Length > 0 || timestamps.Malformed > 0)
        {
            throw new VideoFileException(info.Path, $"truncated or corrupt ({ffmpeg.Reason("unreadable frame timestamps")})");
        }

        return timestamps.Drain();
    }

    /// <summary>
    /// ffmpeg options that open the file for decoding with the stream's own timestamps (<c>-copyts</c>) and no
    /// rotation; with <paramref name="seekSeconds"/>, an input seek to that timestamp (not offset by the file's start
    /// time): ffmpeg decodes from the keyframe before it and drops the frames before it (its accurate seek).
    /// </summary>
    internal static IEnumerable<string> InputOptions(VideoInfo info, double? seekSeconds)
    {
        string[] common = ["-v", "error", "-nostdin", "-xerror", "-noautorotate", "-copyts"];
        return seekSeconds is { } seek
            ? [.. common, "-seek_timestamp", "1", "-ss", seek.ToString("R", CultureInfo.InvariantCulture), "-i", info.Path]
            : [.. common, "-i", info.Path];
    }

    /// <summary>
    /// ffmpeg output options (for an input opened with <c>-copyts</c>, so ffmpeg does not shift the stream to start at 0) that write one <c>framecrc</c> line per frame of the stream mapped before them to stderr,
    /// with the pts in <paramref name="timeBase"/>: <c>wrapped_avframe</c> hands the decoded frame over without
    /// encoding it, and passthrough keeps every frame and its timestamp as the decoder made them.
    /// </summary>
    internal static string[] TimestampOutput(Rational timeBase) =>
    [
        "-fps_mode", "passthrough", "-enc_time_base:v", $"{timeBase.Numerator}/{timeBase.Denominator}",
        "-c:v", "wrapped_avframe", "-flush_packets", "1", "-f", "framecrc", "pipe:2",
    ];

    /// <summary>
    /// Runs ffprobe (the binary <see cref="FfmpegBinaries"/> names) to the end with Instances, FFMpegCore's process
    /// runner, and returns its stdout and stderr as text.
    /// </summary>
    /// <remarks>
    /// Not <see cref="FFProbe.Analyse(string, FFOptions?, string?)"/>: its model has no time base, no declared
    /// frame count and frame rates only as doubles (30000/1001 loses its exact value), all of which the reader's
    /// timestamps and the writer's time base are built from; and <see cref="FFProbe.GetPackets(string, FFOptions?, string?)"/>
    /// prints every field of every packet as JSON where one CSV column of pts is needed.
    /// </remarks>
    private static (int ExitCode, string Output, string Error) RunFfprobe(IEnumerable<string> arguments, TimeSpan? timeLimit = null)
    {
        var binaries = FfmpegBinaries.Configured;
        FfmpegBinaries.Require("ffprobe", binaries);
        var start = new ProcessStartInfo(FfmpegBinaries.PathOf("ffprobe", binaries));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        TimeSpan limit = timeLimit ?? ProbeTimeout;
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            var result = Instance.FinishAsync(start, timeout.Token).GetAwaiter().GetResult();
            if (timeout.IsCancellationRequested)
            {
                // Instances kills the process when the token fires and returns its exit code instead of throwing.
                throw new OperationCanceledException(timeout.Token);
            }

            return (result.ExitCode, string.Join('\n', result.OutputData), string.Join('\n', result.ErrorData));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"ffprobe did not finish within {limit}");
        }
    }

    private static long[] SyntheticTimestamps(VideoInfo info, int count)
    {
        double rate = info.FramesPerSecond > 0 ? info.FramesPerSecond : 25;
        double unitsPerSecond = 1 / info.TimestampTimeBase.ToDouble();
        return Enumerable.Range(0, count).Select(i => (long)Math.Round(i / rate * unitsPerSecond)).ToArray();
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1;

    private static int RotationOf(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                {
                    return (int)Math.Round(r.GetDouble());
                }
            }
        }

        return int.TryParse(Tag(stream, "rotate"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int rotate) ? -rotate : 0;
    }

    private static string? Known(string? value) => value is null or "unknown" or "unspecified" or "reserved" ? null : value;

    private static string? Tag(JsonElement element, string name) =>
        element.TryGetProperty("tags", out var tags) && tags.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;

    private static int? Integer(JsonElement element, string name) =>
        int.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null;

    private static double? Number(JsonElement element, string name) =>
        double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;

    /// <summary>Drops ffmpeg's "[demuxer @ 0x…] " prefix, which means nothing to a user.</summary>
    internal static string WithoutContext(string line) =>
        line.StartsWith('[') && line.IndexOf("] ", StringComparison.Ordinal) is var end and > 0 ? line[(end + 2)..] : line;

    private static string LastLine(string text, string fallback) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? fallback;
}

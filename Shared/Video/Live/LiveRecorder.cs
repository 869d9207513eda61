using System.Globalization;
using FFMpegCore;

namespace RealtimeSR.Shared.Video.Live;

/// <summary>
/// Records a stretch of a live stream into a local file that the file pipeline can then upscale like any other:
/// the picture losslessly (H.264 at QP 0, cheap at camera resolutions) and the first sound track as AAC, in
/// Matroska. A connection that drops is reopened with back-off and the recording goes on in a new part until the
/// wanted duration is reached; the parts are then joined into one file (without re-encoding).
/// </summary>
public static class LiveRecorder
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Records <paramref name="duration"/> of <paramref name="url"/> into <paramref name="folder"/> and returns the
    /// recording's path.
    /// </summary>
    /// <param name="url">The live source.</param>
    /// <param name="first">Its description (<see cref="VideoProbe.ProbeLive"/>: it answered).</param>
    /// <param name="options">Transport and timeouts.</param>
    /// <param name="duration">Media time to record.</param>
    /// <param name="folder">An empty working folder (the caller deletes it).</param>
    /// <param name="log">Progress and reconnection lines.</param>
    /// <param name="cancellation">Ctrl-C: stops the recording where it is.</param>
    /// <exception cref="VideoFileException">Nothing could be recorded: the stream gave nothing for <see cref="LiveSourceOptions.GiveUpAfter"/>.</exception>
    /// <exception cref="OperationCanceledException">Ctrl-C before anything was recorded.</exception>
    public static string Record(string url, VideoInfo first, LiveSourceOptions options, TimeSpan duration, string folder, Action<string> log, CancellationToken cancellation)
    {
        var parts = new List<string>();
        double recorded = 0;
        TimeSpan delay = options.FirstReconnectDelay;
        // A part cut by -t can measure up to a frame short of it; that is not a drop.
        double slack = Math.Max(0.05, first.FramesPerSecond > 0 ? 1.5 / first.FramesPerSecond : 0.1);
        var sinceProgress = System.Diagnostics.Stopwatch.StartNew();
        string reason = "";
        while (recorded < duration.TotalSeconds - slack && !cancellation.IsCancellationRequested)
        {
            string part = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{parts.Count:D4}.mkv"));
            double remaining = duration.TotalSeconds - recorded;
            log(string.Create(CultureInfo.InvariantCulture, $"recording {url}: {recorded:F1} of {duration.TotalSeconds:F1} s done"));
            using (var ffmpeg = FfmpegRun.Start(Command(url, options, first, remaining, part), FfmpegBinaries.Configured))
            using (cancellation.Register(ffmpeg.Kill))
            {
                try
                {
                    int exit = ffmpeg.WaitForExit(TimeSpan.FromSeconds(remaining) + options.ConnectTimeout + options.StallTimeout + TimeSpan.FromMinutes(1));
                    reason = ffmpeg.Reason($"ffmpeg exit code {exit}");
                }
                catch (TimeoutException)
                {
                    // A source without a read timeout (a capture device) that stopped delivering; ffmpeg is killed.
                    reason = "ffmpeg stopped receiving";
                }
            }

            double length = PartLength(part);
            if (length > 0)
            {
                parts.Add(part);
                recorded += length;
                delay = options.FirstReconnectDelay;
                sinceProgress.Restart();
            }
            else if (sinceProgress.Elapsed > options.GiveUpAfter)
            {
                if (parts.Count == 0)
                {
                    throw new VideoFileException(url, $"nothing recorded in {options.GiveUpAfter.TotalSeconds:0} s of trying ({reason})");
                }

                log(string.Create(CultureInfo.InvariantCulture, $"{url}: nothing for {options.GiveUpAfter.TotalSeconds:0} s ({reason}); keeping the {recorded:F1} s recorded"));
                break;
            }

            if (recorded < duration.TotalSeconds - slack && !cancellation.IsCancellationRequested)
            {
                log(string.Create(CultureInfo.InvariantCulture, $"{url}: the stream dropped after {recorded:F1} s; reconnecting in {delay.TotalSeconds:0.##} s"));
                cancellation.WaitHandle.WaitOne(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
            }
        }

        if (parts.Count == 0)
        {
            cancellation.ThrowIfCancellationRequested();
            throw new VideoFileException(url, $"nothing was recorded ({reason})");
        }

        log(string.Create(CultureInfo.InvariantCulture, $"recorded {recorded:F1} s of {url} in {parts.Count} part{(parts.Count == 1 ? "" : "s")}"));
        return parts.Count == 1 ? parts[0] : Join(parts, Path.Combine(folder, "recording.mkv"));
    }

    /// <summary>One part's recording: the picture losslessly, the first sound track as AAC, each from its own first frame.</summary>
    private static FFMpegArgumentProcessor Command(string url, LiveSourceOptions options, VideoInfo info, double seconds, string part)
    {
        // Custom arguments: FFMpegCore has no builders for the live input options, an optional map or -qp.
        string input = string.Join(' ', ["-v", "error", "-nostdin", .. LiveSource.InputOptions(url, options)]);
        string output = string.Create(CultureInfo.InvariantCulture,
            $"-map 0:{info.StreamIndex} -map 0:a:0? -t {seconds:R} -c:v libx264 -preset ultrafast -qp 0 -c:a aac -f matroska");
        return FFMpegArguments.FromFileInput(url, verifyExists: false, i => i.WithCustomArgument(input))
            .OutputToFile(part, overwrite: true, o => o
                // A live stream's first frame rarely has timestamp 0 (RTSP starts where the sender's clock is), and -t
                // counts from 0: each part starts its own clock at its first frame.
                .WithCustomArgument("-vf setpts=PTS-STARTPTS -af asetpts=PTS-STARTPTS")
                .WithCustomArgument(output));
    }

    /// <summary>Seconds of video in a finished part; 0 when it holds none (the connection failed at once).</summary>
    private static double PartLength(string part)
    {
        if (!File.Exists(part) || new FileInfo(part).Length == 0)
        {
            return 0;
        }

        try
        {
            VideoInfo info = VideoProbe.Probe(part);
            long[] timestamps = VideoProbe.ReadFrameTimestamps(info);
            if (timestamps.Length == 0)
            {
                return 0;
            }

            double frame = info.FramesPerSecond > 0 ? 1 / info.FramesPerSecond : 0;
            return ((timestamps[^1] - timestamps[0]) * info.TimestampTimeBase.ToDouble()) + frame;
        }
        catch (VideoFileException)
        {
            // A part cut off mid-write by a dead connection may be unreadable: it is left out.
            return 0;
        }
    }

    private static string Join(IReadOnlyList<string> parts, string joined)
    {
        string list = Path.Combine(Path.GetDirectoryName(joined)!, "parts.ffconcat");
        File.WriteAllLines(list, ["ffconcat version 1.0", .. parts.Select(VideoJoiner.FileLine)]);
        // Custom arguments: FFMpegCore has no builders for the concat demuxer's options.
        var command = FFMpegArguments.FromFileInput(list, verifyExists: false, i => i.WithCustomArgument("-v error -nostdin -f concat -safe 0"))
            .OutputToFile(joined, overwrite: true, o => o.WithCustomArgument("-map 0 -c copy -f matroska"));
        using var ffmpeg = FfmpegRun.Start(command, FfmpegBinaries.Configured);
        int exit = ffmpeg.WaitForExit(JoinTimeout);
        return exit == 0 ? joined : throw new VideoFileException(joined, $"joining the recorded parts failed ({ffmpeg.Reason($"ffmpeg exit code {exit}")})");
    }
}

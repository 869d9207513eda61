using System.Globalization;
using System.Text;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.IO;
using RealtimeSR.Shared.Metrics;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The figures of one playback: per-stage summaries (decode, infer, render), shown frames, display rate and drops;
/// written as the <c>--timings</c> files and printed as a table at the end of <c>play</c>.
/// </summary>
public sealed class PlaybackReport
{
    public PlaybackReport(
        IReadOnlyList<StageStatistics> stages, double wallSeconds, long presented, long dropped, IReadOnlyList<FrameRecord> frames,
        IReadOnlyList<ReferenceScores>? scores = null)
    {
        Scores = scores is { Count: > 0 } ? scores : null;
        Stages = stages;
        WallSeconds = wallSeconds;
        Presented = presented;
        Dropped = dropped;
        Frames = frames;
    }

    public IReadOnlyList<StageStatistics> Stages { get; }

    /// <summary>From the first stage's first frame to the last stage's last frame, seconds.</summary>
    public double WallSeconds { get; }

    /// <summary>New frames shown.</summary>
    public long Presented { get; }

    /// <summary>Frames dropped before inference.</summary>
    public long Dropped { get; }

    /// <summary>Frames shown per wall second.</summary>
    public double DisplayFps => WallSeconds > 0 ? Presented / WallSeconds : 0;

    /// <summary>One record per shown frame.</summary>
    public IReadOnlyList<FrameRecord> Frames { get; }

    /// <summary>With a reference video: each shown frame's scores, in the order of <see cref="Frames"/>; else null.</summary>
    public IReadOnlyList<ReferenceScores>? Scores { get; }

    /// <summary>The per-stage file written beside the per-frame file <paramref name="timingsPath"/>.</summary>
    public static string StagesPath(string timingsPath) => Path.ChangeExtension(timingsPath, ".stages.csv");

    /// <summary>
    /// Writes <paramref name="timingsPath"/> (one row per shown frame:
    /// <c>index,pts_seconds,decode_ms,convert_ms,infer_ms,render_ms,latency_ms</c>) and <see cref="StagesPath"/>
    /// (one row per stage, then a <c>display</c> row), each atomically.
    /// </summary>
    public void Write(string timingsPath)
    {
        var frames = new StringBuilder("index,pts_seconds,decode_ms,convert_ms,infer_ms,render_ms,latency_ms");
        frames.Append(Scores is null ? "\n" : ",psnr_bicubic,psnr_sr,ssim_bicubic,ssim_sr\n");
        for (int i = 0; i < Frames.Count; i++)
        {
            FrameRecord r = Frames[i];
            frames.Append(CultureInfo.InvariantCulture, $"{r.Index},{r.PtsSeconds:R},{Number(r.DecodeMs)},{Number(r.ConvertMs)},{Number(r.InferMs)},{Number(r.OutputMs)},{Number(r.LatencyMs)}");
            if (Scores is not null)
            {
                // Full precision: these are compared with eval's figures.
                var s = Scores[i];
                frames.Append(CultureInfo.InvariantCulture, $",{s.PsnrBicubic:R},{s.PsnrSr:R},{s.SsimBicubic:R},{s.SsimSr:R}");
            }

            frames.Append('\n');
        }

        AtomicFile.WriteAllText(timingsPath, frames.ToString());
        AtomicFile.WriteAllText(StagesPath(timingsPath), StagesCsv());
    }

    /// <summary>
    /// <c>stage,frames,fps,p50_ms,p95_ms,max_ms,busy_percent,cpu_ms_per_frame,cpu_percent,alloc_bytes_per_frame,wall_seconds,dropped</c>:
    /// one row per stage and a last <c>display</c> row whose fps is shown frames ÷ wall time.
    /// </summary>
    public string StagesCsv()
    {
        var text = new StringBuilder("stage,frames,fps,p50_ms,p95_ms,max_ms,busy_percent,cpu_ms_per_frame,cpu_percent,alloc_bytes_per_frame,wall_seconds,dropped\n");
        foreach (StageStatistics s in Stages)
        {
            var p = s.Milliseconds;
            text.Append(CultureInfo.InvariantCulture,
                $"{s.Name},{s.Frames},{Number(s.Fps)},{Number(p.P50)},{Number(p.P95)},{Number(p.Max)},{Number(s.BusyPercent)},{Number(s.CpuMillisecondsPerFrame)},{Number(s.CpuPercent)},{Number(s.SteadyAllocatedBytesPerFrame)},{Seconds(WallSeconds)},{Dropped}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"display,{Presented},{Number(DisplayFps)},,,,,,,,{Seconds(WallSeconds)},{Dropped}\n");
        return text.ToString();
    }

    /// <summary>The end-of-run table.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"stage",-8} {"frames",6} {"fps",8} {"p50 ms",7} {"p95 ms",7} {"busy%",6} {"cpu ms",7} {"cpu%",6} {"B/frame",8}\n");
        foreach (StageStatistics s in Stages)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{s.Name,-8} {s.Frames,6} {s.Fps,8:F1} {s.Milliseconds.P50,7:F2} {s.Milliseconds.P95,7:F2} {s.BusyPercent,6:F1} {s.CpuMillisecondsPerFrame ?? double.NaN,7:F2} {s.CpuPercent ?? double.NaN,6:F1} {s.SteadyAllocatedBytesPerFrame ?? double.NaN,8:F0}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"display: {Presented} frames in {WallSeconds:F2} s = {DisplayFps:F1} fps, {Dropped} dropped\n");
        return text.ToString();
    }

    // Microseconds: a short run's wall time is a few hundredths of a second, where milliseconds would be 2 % off.
    private static string Seconds(double value) => double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : "";

    private static string Number(double? value) => value is { } v ? Number(v) : "";

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "";
}

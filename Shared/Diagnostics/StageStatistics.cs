using System.Text.Json.Serialization;

namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// One pipeline stage over a run: how long it took per frame and how much of the run it was busy; where a
/// <see cref="StageMeter"/> measured it on the stage's own thread, also that thread's CPU time and allocations.
/// </summary>
/// <param name="Name">Stage name ("decode", "convert", "infer", "output", "render", or "end-to-end").</param>
/// <param name="Frames">Frames the stage handled (in play, decode and infer include frames later dropped or skipped by a seek).</param>
/// <param name="Fps">Frames per second the stage alone could sustain: frames ÷ its total busy seconds.</param>
/// <param name="Milliseconds">Per-frame time distribution in milliseconds.</param>
/// <param name="TotalMilliseconds">Sum of the per-frame times.</param>
/// <param name="BusyPercent">Total time ÷ the run's wall time × 100 (near 100 for the stage that limits the frame rate).</param>
public sealed record StageStatistics(string Name, long Frames, double Fps, Percentiles Milliseconds, double TotalMilliseconds, double BusyPercent)
{
    /// <summary>
    /// CPU time of the stage's thread per frame, ms, where measured (NaN where the platform cannot tell). Excludes
    /// work done elsewhere for it: ffmpeg's process for decode, ONNX Runtime's pool threads, llvmpipe's threads.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CpuMillisecondsPerFrame { get; init; }

    /// <summary>The thread's CPU time ÷ wall time × 100, where measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CpuPercent { get; init; }

    /// <summary>Bytes the stage's thread allocated per frame after its warm-up, where measured (NaN if too few frames).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SteadyAllocatedBytesPerFrame { get; init; }

    /// <summary>This row with the CPU and allocation columns of the thread that ran the stage (<paramref name="meter"/>'s).</summary>
    public StageStatistics WithThreadFigures(StageMeter meter, double wallSeconds)
    {
        StageStatistics thread = From(meter, wallSeconds);
        return this with
        {
            CpuMillisecondsPerFrame = thread.CpuMillisecondsPerFrame,
            CpuPercent = thread.CpuPercent,
            SteadyAllocatedBytesPerFrame = thread.SteadyAllocatedBytesPerFrame,
        };
    }

    /// <summary>Sums up <paramref name="meter"/> over the wall time <paramref name="wallSeconds"/> (pauses count as idle time).</summary>
    public static StageStatistics From(StageMeter meter, double wallSeconds)
    {
        double busy = meter.BusyMilliseconds;
        double wallMs = wallSeconds * 1000;
        return new StageStatistics(
            meter.Name,
            meter.Frames,
            busy > 0 ? meter.Frames / (busy / 1000) : 0,
            Percentiles.Of(meter.FrameMilliseconds),
            busy,
            wallMs > 0 ? 100 * busy / wallMs : 0)
        {
            CpuMillisecondsPerFrame = meter.Frames > 0 ? meter.CpuMilliseconds / meter.Frames : double.NaN,
            CpuPercent = wallMs > 0 ? 100 * meter.CpuMilliseconds / wallMs : double.NaN,
            SteadyAllocatedBytesPerFrame = meter.SteadyAllocatedBytesPerFrame,
        };
    }
}

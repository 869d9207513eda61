using System.Diagnostics;
using RealtimeSR.Shared.Diagnostics;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// One stage of a playback, summed up from its <see cref="StageMeter"/> over the run's wall time (pauses count as
/// idle time): the figures of the <c>--timings</c> stage report and of the end-of-run table.
/// </summary>
/// <param name="Name">"decode", "infer" or "render".</param>
/// <param name="Frames">Frames the stage finished (decode and infer include frames later dropped or skipped by a seek).</param>
/// <param name="Fps">Frames per second of busy time: what the stage alone could sustain.</param>
/// <param name="Milliseconds">Per-frame busy time, ms.</param>
/// <param name="BusyPercent">Busy time ÷ wall time × 100: near 100 for the stage that limits the frame rate.</param>
/// <param name="CpuMillisecondsPerFrame">CPU time of the stage's thread per frame, ms (NaN where unknown). Excludes
/// work done elsewhere for it: ffmpeg's process for decode, ORT's pool threads, llvmpipe's rasteriser threads.</param>
/// <param name="CpuPercent">The thread's CPU time ÷ wall time × 100.</param>
/// <param name="SteadyAllocatedBytesPerFrame">Bytes the stage thread allocated per frame after its warm-up (NaN if too few frames).</param>
public sealed record StageSummary(
    string Name, long Frames, double Fps, Percentiles Milliseconds, double BusyPercent, double CpuMillisecondsPerFrame,
    double CpuPercent, double SteadyAllocatedBytesPerFrame)
{
    /// <summary>Sums up <paramref name="meter"/> over the wall time <paramref name="wallSeconds"/>.</summary>
    public static StageSummary From(StageMeter meter, double wallSeconds)
    {
        double busy = meter.BusyMilliseconds;
        double wallMs = wallSeconds * 1000;
        return new StageSummary(
            meter.Name,
            meter.Frames,
            busy > 0 ? meter.Frames / (busy / 1000) : 0,
            Percentiles.Of(meter.FrameMilliseconds),
            wallMs > 0 ? 100 * busy / wallMs : 0,
            meter.Frames > 0 ? meter.CpuMilliseconds / meter.Frames : double.NaN,
            wallMs > 0 ? 100 * meter.CpuMilliseconds / wallMs : double.NaN,
            meter.SteadyAllocatedBytesPerFrame);
    }

    /// <summary>Seconds from the earliest first frame to the latest last frame of <paramref name="meters"/>.</summary>
    public static double WallSeconds(IEnumerable<StageMeter> meters)
    {
        long first = long.MaxValue, last = 0;
        foreach (StageMeter meter in meters)
        {
            if (meter.FirstBeginTicks != 0)
            {
                first = Math.Min(first, meter.FirstBeginTicks);
            }

            last = Math.Max(last, meter.LastEndTicks);
        }

        return first == long.MaxValue || last <= first ? 0 : (last - first) / (double)Stopwatch.Frequency;
    }
}

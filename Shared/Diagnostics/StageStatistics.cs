namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// One pipeline stage over a run: how long it took per frame and how much of the run it was busy.
/// </summary>
/// <param name="Name">Stage name ("decode", "convert", "infer", "output", or "end-to-end").</param>
/// <param name="Frames">Frames the stage handled.</param>
/// <param name="Fps">Frames per second the stage alone could sustain: frames ÷ its total busy seconds.</param>
/// <param name="Milliseconds">Per-frame time distribution in milliseconds.</param>
/// <param name="TotalMilliseconds">Sum of the per-frame times.</param>
/// <param name="BusyPercent">Total time ÷ the run's wall time × 100 (may approach 100 for the bottleneck).</param>
public sealed record StageStatistics(string Name, int Frames, double Fps, Percentiles Milliseconds, double TotalMilliseconds, double BusyPercent);

namespace RealtimeSR.Player.Rendering.Osd;

/// <summary>Recent timing of one pipeline stage, for the OSD.</summary>
/// <param name="Name">Short stage name, e.g. "decode", "sr", "upload".</param>
/// <param name="P50Milliseconds">Median over the recent window, ms.</param>
/// <param name="LastMilliseconds">The latest frame, ms.</param>
public readonly record struct StageTiming(string Name, double P50Milliseconds, double LastMilliseconds);

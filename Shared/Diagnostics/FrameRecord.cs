namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// What one frame's <see cref="FrameTimeline"/> says, in milliseconds (NaN for a stage the run did not have).
/// </summary>
/// <param name="Index">Frame index from 0.</param>
/// <param name="PtsSeconds">Presentation time in seconds.</param>
/// <param name="DecodeMs">Waiting for and reading the frame from ffmpeg (DecodeStart → DecodeEnd).</param>
/// <param name="ConvertMs">RGB24 → planar float (DecodeEnd → ConvertEnd).</param>
/// <param name="InferMs">The model (InferStart → InferEnd).</param>
/// <param name="OutputMs">Encoding or rendering (OutputStart → OutputEnd).</param>
/// <param name="LatencyMs">From DecodeStart to the last mark reached (queue waits included); for a live stream, from the frame's arrival to its display.</param>
/// <param name="DoneTicks">Stopwatch ticks of the last mark reached (orders completions for end-to-end fps).</param>
public readonly record struct FrameRecord(
    long Index, double PtsSeconds, double DecodeMs, double ConvertMs, double InferMs, double OutputMs, double LatencyMs, long DoneTicks)
{
    /// <summary>Reads the stage times out of <paramref name="timeline"/>.</summary>
    public static FrameRecord From(long index, double ptsSeconds, FrameTimeline timeline)
    {
        long done = Math.Max(
            Math.Max(timeline[TimelineMark.Present], timeline[TimelineMark.OutputEnd]),
            Math.Max(timeline[TimelineMark.InferEnd], timeline[TimelineMark.ConvertEnd]));
        double latency = timeline[TimelineMark.DecodeStart] == 0 || done == 0
            ? double.NaN
            : (done - timeline[TimelineMark.DecodeStart]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        return new FrameRecord(
            index, ptsSeconds,
            timeline.Milliseconds(TimelineMark.DecodeStart, TimelineMark.DecodeEnd),
            timeline.Milliseconds(TimelineMark.DecodeEnd, TimelineMark.ConvertEnd),
            timeline.Milliseconds(TimelineMark.InferStart, TimelineMark.InferEnd),
            timeline.Milliseconds(TimelineMark.OutputStart, TimelineMark.OutputEnd),
            latency, done);
    }
}

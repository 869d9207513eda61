using System.Diagnostics;

namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// Collects one <see cref="FrameRecord"/> per frame at the end of the pipeline and sums them up per stage. The
/// record list is preallocated for the expected frame count, so recording does not allocate in steady state.
/// Not thread-safe: the last stage's thread records.
/// </summary>
public sealed class TimelineRecorder
{
    private readonly List<FrameRecord> _records;
    private readonly bool _keepRecent;
    private long _firstStart;

    /// <param name="expectedFrames">Capacity to reserve (frames the run will see).</param>
    /// <param name="keepRecent">Keep at most <paramref name="expectedFrames"/> records, the older half dropped when
    /// full (a live stream that runs for days; the run's totals then come from elsewhere); false = keep all.</param>
    public TimelineRecorder(int expectedFrames = 1024, bool keepRecent = false)
    {
        _records = new List<FrameRecord>(Math.Max(expectedFrames, 2));
        _keepRecent = keepRecent;
    }

    public IReadOnlyList<FrameRecord> Records => _records;

    /// <summary>Records a finished frame.</summary>
    public void Add(long index, double ptsSeconds, FrameTimeline timeline)
    {
        long start = timeline[TimelineMark.DecodeStart];
        if (start != 0 && (_firstStart == 0 || start < _firstStart))
        {
            _firstStart = start;
        }

        if (_keepRecent && _records.Count == _records.Capacity)
        {
            _records.RemoveRange(0, _records.Count / 2); // in place: the capacity stays
        }

        _records.Add(FrameRecord.From(index, ptsSeconds, timeline));
    }

    /// <summary>Seconds from the first frame's decode start to the last frame's completion.</summary>
    public double WallSeconds =>
        _records.Count == 0 || _firstStart == 0 ? 0 : (_records.Max(r => r.DoneTicks) - _firstStart) / (double)Stopwatch.Frequency;

    /// <summary>Frames per second through the whole pipeline (frames ÷ <see cref="WallSeconds"/>).</summary>
    public double EndToEndFps => WallSeconds > 0 ? _records.Count / WallSeconds : 0;

    /// <summary>Per-stage statistics for the stages this run had (all-NaN stages are left out), then end-to-end latency.</summary>
    /// <param name="outputStage">Name of the consumer's stage (OutputStart → OutputEnd): "output", or "render" when it draws.</param>
    public IReadOnlyList<StageStatistics> Stages(string outputStage = "output")
    {
        double wallMs = WallSeconds * 1000;
        var stages = new List<StageStatistics>();
        Add(stages, "decode", r => r.DecodeMs, wallMs);
        Add(stages, "convert", r => r.ConvertMs, wallMs);
        Add(stages, "infer", r => r.InferMs, wallMs);
        Add(stages, outputStage, r => r.OutputMs, wallMs);
        var latency = _records.Select(r => r.LatencyMs).Where(v => !double.IsNaN(v)).ToArray();
        stages.Add(new StageStatistics("end-to-end", _records.Count, EndToEndFps, Percentiles.Of(latency), wallMs, 100));
        return stages;
    }

    private void Add(List<StageStatistics> stages, string name, Func<FrameRecord, double> select, double wallMs)
    {
        var values = _records.Select(select).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            return;
        }

        double total = values.Sum();
        stages.Add(new StageStatistics(name, values.Length, total > 0 ? values.Length / (total / 1000) : 0, Percentiles.Of(values), total, wallMs > 0 ? 100 * total / wallMs : 0));
    }
}

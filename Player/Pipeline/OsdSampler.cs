using System.Diagnostics;
using RealtimeSR.Player.Rendering.Osd;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Metrics;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Gathers the OSD's figures from the pipeline's stage meters a few times a second: per-stage rates over the last
/// interval, recent median and last per-frame times, drops, and what is playing. Render thread only.
/// </summary>
internal sealed class OsdSampler
{
    /// <summary>How often the figures are refreshed.</summary>
    private static readonly long RefreshTicks = Stopwatch.Frequency / 4;

    private readonly PlaybackPipeline _pipeline;
    private readonly StageMeter _renderMeter;
    private string _modelName;
    private string _executionProvider;
    private readonly StageTiming[] _stages = new StageTiming[3];
    private long _ticks;
    private long _decoded;
    private long _inferred;
    private long _shown;
    private readonly RecentMedian _latency = new(StageMeter.RecentFrames);
    private ReferenceScores? _lastScores;
    private (double PsnrBicubic, double PsnrSr, double SsimBicubic, double SsimSr) _scoreSums;
    private long _scored;

    public OsdSampler(PlaybackPipeline pipeline, StageMeter renderMeter, string modelName, string executionProvider)
    {
        _pipeline = pipeline;
        _renderMeter = renderMeter;
        _modelName = modelName;
        _executionProvider = executionProvider.ToUpperInvariant();
    }

    /// <summary>The model whose frames are shown now (after a switch).</summary>
    public void SetModel(string modelName, string executionProvider)
    {
        _modelName = modelName;
        _executionProvider = executionProvider.ToUpperInvariant();
    }

    /// <summary>A frame scored against the reference went on screen (the running mean leaves out unscored and identical frames).</summary>
    public void AddScores(ReferenceScores scores)
    {
        _lastScores = scores;
        if (!scores.IsMeasurable)
        {
            return;
        }

        _scoreSums = (_scoreSums.PsnrBicubic + scores.PsnrBicubic, _scoreSums.PsnrSr + scores.PsnrSr, _scoreSums.SsimBicubic + scores.SsimBicubic, _scoreSums.SsimSr + scores.SsimSr);
        _scored++;
    }

    /// <summary>The running mean of the scores of the frames shown so far; null before the first.</summary>
    public ReferenceScores? MeanScores => _scored == 0 ? null
        : new ReferenceScores(_scoreSums.PsnrBicubic / _scored, _scoreSums.PsnrSr / _scored, _scoreSums.SsimBicubic / _scored, _scoreSums.SsimSr / _scored);

    /// <summary>A live frame went on screen <paramref name="milliseconds"/> after it arrived.</summary>
    public void AddLatency(double milliseconds) => _latency.Add(milliseconds);

    /// <summary>Median of the recent latencies, NaN before the first.</summary>
    public double RecentLatencyMilliseconds() => _latency.Median();

    /// <summary>New figures when a refresh is due, else null.</summary>
    /// <param name="presented">Frames shown so far.</param>
    /// <param name="paused">Whether playback is paused.</param>
    public OsdStats? Sample(long presented, bool paused)
    {
        long now = Stopwatch.GetTimestamp();
        if (now - _ticks < RefreshTicks)
        {
            return null;
        }

        double seconds = _ticks == 0 ? 0 : (now - _ticks) / (double)Stopwatch.Frequency;
        long decoded = _pipeline.DecodeMeter.Frames, inferred = _pipeline.InferenceMeter.Frames;
        double Rate(long count, long before) => seconds > 0 ? (count - before) / seconds : 0;
        _stages[0] = new StageTiming("decode", _pipeline.DecodeMeter.RecentMedianMilliseconds(), _pipeline.DecodeMeter.LastMilliseconds);
        _stages[1] = new StageTiming("sr", _pipeline.InferenceMeter.RecentMedianMilliseconds(), _pipeline.InferenceMeter.LastMilliseconds);
        _stages[2] = new StageTiming("render", _renderMeter.RecentMedianMilliseconds(), _renderMeter.LastMilliseconds);
        var stats = new OsdStats(
            // A finished stage shows "-": its rate over the last interval would read 0 although nothing is wrong.
            _pipeline.DecodeFinished ? double.NaN : Rate(decoded, _decoded),
            _pipeline.InferenceFinished ? double.NaN : Rate(inferred, _inferred),
            Rate(presented, _shown), _stages,
            _pipeline.Dropped, _modelName, _pipeline.Scale, _executionProvider, _pipeline.LrWidth, _pipeline.LrHeight, paused,
            _pipeline.FrameSeconds * 1000,
            RecentLatencyMilliseconds(),
            _pipeline.Live is { } live ? LiveLabel(live.Status) : null,
            _lastScores,
            MeanScores);
        (_ticks, _decoded, _inferred, _shown) = (now, decoded, inferred, presented);
        return stats;
    }

    /// <summary>What the OSD and the SR label say about a live connection.</summary>
    public static string LiveLabel(Shared.Video.Live.LiveStatus status) =>
        status switch
        {
            Shared.Video.Live.LiveStatus.Connecting => "connecting",
            Shared.Video.Live.LiveStatus.Reconnecting => "reconnecting",
            _ => "live",
        };
}

using RealtimeSR.Shared.Metrics;

namespace RealtimeSR.Player.Rendering.Osd;

/// <summary>
/// What the statistics overlay shows, filled in by the pipeline (rates over its recent window; NaN, shown as "-",
/// for a stage that has finished).
/// Give the renderer a new record when the figures change (a few times a second is plenty): the overlay is
/// re-rasterised only then.
/// </summary>
/// <param name="DecodeFps">Frames decoded per second.</param>
/// <param name="SrFps">Frames through the model per second.</param>
/// <param name="DisplayFps">Frames presented per second.</param>
/// <param name="Stages">Per-stage median and last times in ms, in pipeline order.</param>
/// <param name="DroppedFrames">Frames dropped because they would have been late, since playback started.</param>
/// <param name="ModelName">The model's name (also the SR label).</param>
/// <param name="Scale">Upscaling factor.</param>
/// <param name="ExecutionProvider">Where the model runs, e.g. "CPU" or "CUDA".</param>
/// <param name="LrWidth">Decoded (LR) frame width, pixels.</param>
/// <param name="LrHeight">Decoded (LR) frame height, pixels.</param>
/// <param name="Paused">Playback paused.</param>
/// <param name="SourceFrameMilliseconds">The source's nominal frame interval: what a frame time should be (the graph's line).</param>
/// <param name="LatencyMilliseconds">Live: median time from a frame's arrival to its display over recent frames; NaN for a file.</param>
/// <param name="LiveStatus">Live: "live", "connecting" or "reconnecting"; null for a file.</param>
/// <param name="Scores">With a reference video: the scores of the frame shown; else null.</param>
/// <param name="MeanScores">With a reference video: their running mean over the frames shown; else null.</param>
public sealed record OsdStats(
    double DecodeFps,
    double SrFps,
    double DisplayFps,
    IReadOnlyList<StageTiming> Stages,
    long DroppedFrames,
    string ModelName,
    int Scale,
    string ExecutionProvider,
    int LrWidth,
    int LrHeight,
    bool Paused,
    double SourceFrameMilliseconds = 1000.0 / 30,
    double LatencyMilliseconds = double.NaN,
    string? LiveStatus = null,
    ReferenceScores? Scores = null,
    ReferenceScores? MeanScores = null);

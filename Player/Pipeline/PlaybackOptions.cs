using RealtimeSR.Player.View;

namespace RealtimeSR.Player.Pipeline;

/// <summary>How a playback runs, built once from the command line. Immutable.</summary>
public sealed record PlaybackOptions
{
    /// <summary>View mode at start (the m key cycles it).</summary>
    public ViewMode Mode { get; init; } = ViewMode.Split;

    /// <summary>Show every frame as fast as SR allows (no drops, no sound).</summary>
    public bool NoDrop { get; init; }

    /// <summary>Stop after this many frames have been shown; null = play to the end (or until quit).</summary>
    public long? ExitAfterFrames { get; init; }

    /// <summary>Save what is shown as PNG here when playback ends; null = none.</summary>
    public string? ScreenshotPath { get; init; }

    /// <summary>Folder the s key saves screenshots to, and the e key evidence snapshots.</summary>
    public string ScreenshotFolder { get; init; } = ".";

    /// <summary>The file played, for evidence snapshots; null = the e key does nothing.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The model files, in the order of the pipeline's models (null for bicubic), for evidence snapshots.</summary>
    public IReadOnlyList<string?> ModelPaths { get; init; } = [];

    /// <summary>Show the statistics overlay from the start.</summary>
    public bool OsdVisible { get; init; }
}

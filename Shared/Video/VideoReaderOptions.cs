namespace RealtimeSR.Shared.Video;

/// <summary>Which part of a video a <see cref="VideoReader"/> decodes. Immutable.</summary>
public sealed record VideoReaderOptions
{
    /// <summary>Skip to this time after the first frame (seconds from the first frame's PTS); null = from the start.</summary>
    public TimeSpan? Start { get; init; }

    /// <summary>Decode at most this much time from <see cref="Start"/>; null = to the end.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Stop after this many frames; null = no limit.</summary>
    public int? MaxFrames { get; init; }

    /// <summary>Crop every frame to this region (in stored, unrotated pixels) before handing it out; null = whole frame.</summary>
    public PixelRegion? Region { get; init; }
}

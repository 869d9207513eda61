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

    /// <summary>
    /// Every frame's PTS in the whole stream, in order, as an earlier reader's <see cref="VideoReader.ReadTimestamps"/>
    /// gave them (from the start, no window): a reader handed them does not scan or decode the file for them again
    /// (a player's seek); the frames it reads are still checked against them. Null = find them out.
    /// </summary>
    public IReadOnlyList<long>? KnownTimestamps { get; init; }

    /// <summary>Crop every frame to this region (in stored, unrotated pixels) before handing it out; null = whole frame.</summary>
    public PixelRegion? Region { get; init; }
}

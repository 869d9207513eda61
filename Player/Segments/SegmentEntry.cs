namespace RealtimeSR.Player.Segments;

/// <summary>One segment's line in the <see cref="SegmentManifest"/>: its frames, its boundaries in PTS and whether it is done.</summary>
internal sealed record SegmentEntry
{
    public required int Index { get; init; }

    /// <summary>Index of its first frame among the source's decoded frames.</summary>
    public required int FirstFrame { get; init; }

    public required int Frames { get; init; }

    /// <summary>PTS of its first frame (a keyframe), in the manifest's time base.</summary>
    public required long FirstPts { get; init; }

    /// <summary>PTS of its last frame.</summary>
    public required long LastPts { get; init; }

    /// <summary>"pending" or "done".</summary>
    public string Status { get; init; } = Pending;

    /// <summary>SHA-256 of the finished segment file (null while pending): a finished segment is trusted only while it matches.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Size of the finished segment file in bytes.</summary>
    public long? Bytes { get; init; }

    public const string Pending = "pending";

    public const string Done = "done";

    public bool IsDone => Status == Done;

    public SegmentRange Range => new(Index, FirstFrame, Frames);
}

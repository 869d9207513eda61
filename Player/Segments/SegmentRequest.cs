namespace RealtimeSR.Player.Segments;

/// <summary>What a segmented <c>upscale</c> command line asks for.</summary>
internal sealed record SegmentRequest
{
    /// <summary>The segment count asked for; null = auto (<see cref="SegmentPlan.AutoCount"/>).</summary>
    public int? Count { get; init; }

    /// <summary>Do only this segment (a scheduler's array task) and do not join; null = every segment, then join.</summary>
    public int? Only { get; init; }

    /// <summary>Only join the finished segments (saying which are missing).</summary>
    public bool JoinOnly { get; init; }

    /// <summary>How the count is written in the manifest: "auto" or the number.</summary>
    public string CountText => Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "auto";
}

using System.Text.Json;

namespace RealtimeSR.Player.Segments;

/// <summary>
/// The plan and state of a segmented upscale, kept as <c>manifest.json</c> in its work folder: the job it was made
/// for (source, model, options), every frame's PTS (so a worker on another machine need not decode the whole source
/// to find them), the segments' boundaries, and per segment its status and checksum. Immutable;
/// <see cref="SegmentWorkFolder"/> rewrites it whole.
/// </summary>
internal sealed record SegmentManifest
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public int Version { get; init; } = CurrentVersion;

    public required SegmentJob Job { get; init; }

    /// <summary>What <c>--segments</c> said: "auto" or a count (the plan may have fewer: one per keyframe at most).</summary>
    public required string SegmentsRequested { get; init; }

    /// <summary>Seconds per PTS unit, "num/den".</summary>
    public required string TimeBase { get; init; }

    /// <summary>The PTS of every frame of the source, in decoding output order.</summary>
    public required IReadOnlyList<long> Timestamps { get; init; }

    public required IReadOnlyList<SegmentEntry> Segments { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">Not a manifest this tool can read.</exception>
    public static SegmentManifest FromJson(string json)
    {
        var manifest = JsonSerializer.Deserialize<SegmentManifest>(json, Json) ?? throw new JsonException("empty manifest");
        if (manifest.Version != CurrentVersion)
        {
            throw new JsonException($"manifest version {manifest.Version}, this tool reads {CurrentVersion}");
        }

        return manifest;
    }

    public SegmentManifest WithSegment(SegmentEntry entry) =>
        this with { Segments = [.. Segments.Select(s => s.Index == entry.Index ? entry : s)] };
}

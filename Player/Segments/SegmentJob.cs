namespace RealtimeSR.Player.Segments;

/// <summary>What a segmented upscale's output depends on: the source, the model and the options. Work made for one is never reused for another.</summary>
internal sealed record SegmentJob
{
    public required SourceIdentity Source { get; init; }

    /// <summary>The model's file name, or "bicubic".</summary>
    public required string Model { get; init; }

    /// <summary>SHA-256 of the model file; for bicubic, of "bicubic" and the scale.</summary>
    public required string ModelSha256 { get; init; }

    /// <summary>Every option that changes the output (codec, quality, pixel format, region, comparison, scale), by name.</summary>
    public required SortedDictionary<string, string> Options { get; init; }

    /// <summary>
    /// Why work made for this job cannot be continued by <paramref name="wanted"/> (the first difference, in words),
    /// or null when it can.
    /// </summary>
    public string? Mismatch(SegmentJob wanted)
    {
        if (!Source.SameFileAs(wanted.Source))
        {
            return $"it was made for another source file ({Source.Path}, {Source.Bytes} bytes; now {wanted.Source.Path}, {wanted.Source.Bytes} bytes)";
        }

        if (ModelSha256 != wanted.ModelSha256)
        {
            return $"it was made with another model ({Model}, SHA-256 {ModelSha256[..12]}…; now {wanted.Model}, {wanted.ModelSha256[..12]}…)";
        }

        foreach (string name in Options.Keys.Union(wanted.Options.Keys).Order(StringComparer.Ordinal))
        {
            string before = Options.GetValueOrDefault(name, "(none)"), now = wanted.Options.GetValueOrDefault(name, "(none)");
            if (before != now)
            {
                return $"it was made with other options (--{name} {before}; now {now})";
            }
        }

        return null;
    }
}

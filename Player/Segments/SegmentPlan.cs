namespace RealtimeSR.Player.Segments;

/// <summary>
/// Cuts a video into segments that start at keyframes, so each can be decoded on its own (an input seek lands on a
/// keyframe) and encoded on its own, and the encoded segments joined without re-encoding.
/// </summary>
internal static class SegmentPlan
{
    /// <summary>
    /// With <c>--segments auto</c>, about this much source time per segment: a crash loses at most one segment, and
    /// a segment's fixed cost (a seek that decodes up to <c>VideoReader.SeekMargin</c> before it, an encoder start,
    /// a checksum) stays a small share of it.
    /// </summary>
    public static readonly TimeSpan AutoSegmentLength = TimeSpan.FromSeconds(60);

    /// <summary>How many segments <c>auto</c> means for a video of <paramref name="duration"/>: one per <see cref="AutoSegmentLength"/>, at least one.</summary>
    public static int AutoCount(TimeSpan duration) =>
        Math.Max(1, (int)Math.Round(duration / AutoSegmentLength, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Splits the frames stamped <paramref name="timestamps"/> (every decoded frame, in order) into at most
    /// <paramref name="count"/> segments of about equal length, each starting at a frame whose PTS is in
    /// <paramref name="keyframes"/> (the first starts at frame 0). Fewer when the video has fewer keyframes.
    /// </summary>
    public static IReadOnlyList<SegmentRange> Cut(IReadOnlyList<long> timestamps, IReadOnlyCollection<long> keyframes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfZero(timestamps.Count);
        var isKeyframe = keyframes as ISet<long> ?? keyframes.ToHashSet();
        var candidates = new List<int>();
        for (int i = 1; i < timestamps.Count; i++)
        {
            if (isKeyframe.Contains(timestamps[i]))
            {
                candidates.Add(i);
            }
        }

        // Each cut is the keyframe nearest the ideal equal share, after the previous cut.
        var starts = new List<int> { 0 };
        for (int j = 1; j < count; j++)
        {
            double ideal = (double)j * timestamps.Count / count;
            int? best = null;
            foreach (int c in candidates)
            {
                if (c > starts[^1] && (best is null || Math.Abs(c - ideal) < Math.Abs(best.Value - ideal)))
                {
                    best = c;
                }
            }

            if (best is not { } cut)
            {
                break;
            }

            starts.Add(cut);
        }

        starts = [.. starts.Distinct().Order()];
        var segments = new List<SegmentRange>(starts.Count);
        for (int k = 0; k < starts.Count; k++)
        {
            int end = k + 1 < starts.Count ? starts[k + 1] : timestamps.Count;
            segments.Add(new SegmentRange(k, starts[k], end - starts[k]));
        }

        return segments;
    }
}

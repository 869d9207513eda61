using RealtimeSR.Player.Segments;

namespace RealtimeSR.Tests.Player.Segments;

public class SegmentPlanTests
{
    private static long[] Frames(int count, int step = 512) => [.. Enumerable.Range(0, count).Select(i => (long)i * step)];

    [Fact]
    public void Cut_KeyframeEvery10Frames_FourSegmentsStartingAtTheKeyframesNearestEqualShares()
    {
        long[] timestamps = Frames(130);
        long[] keyframes = [.. timestamps.Where((_, i) => i % 10 == 0)];

        var segments = SegmentPlan.Cut(timestamps, keyframes, 4);

        // Ideal cuts at 32.5, 65 and 97.5: the nearest keyframes are 30, 60 or 70 (65 is midway: the first wins), 100.
        Assert.Equal([(0, 0, 30), (1, 30, 30), (2, 60, 40), (3, 100, 30)], segments.Select(s => (s.Index, s.FirstFrame, s.Frames)));
        Assert.All(segments, s => Assert.Contains(timestamps[s.FirstFrame], keyframes));
        Assert.Equal(130, segments.Sum(s => s.Frames));
    }

    [Fact]
    public void Cut_FewerKeyframesThanSegments_OneSegmentPerKeyframe()
    {
        long[] timestamps = Frames(50);

        var segments = SegmentPlan.Cut(timestamps, [0, timestamps[20]], 8);

        Assert.Equal([(0, 20), (20, 30)], segments.Select(s => (s.FirstFrame, s.Frames)));
    }

    [Fact]
    public void Cut_KeyframesNotAmongTheFrames_OneSegment()
    {
        // Packet timestamps that match no decoded frame's (a stream without usable pts): nowhere safe to cut.
        var segments = SegmentPlan.Cut(Frames(30), [7, 9999], 3);

        Assert.Equal((0, 30), (Assert.Single(segments).FirstFrame, segments[0].Frames));
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(89, 1)]
    [InlineData(91, 2)]
    [InlineData(3600, 60)]
    public void AutoCount_OnePerMinuteAtLeastOne(double seconds, int expected) =>
        Assert.Equal(expected, SegmentPlan.AutoCount(TimeSpan.FromSeconds(seconds)));
}

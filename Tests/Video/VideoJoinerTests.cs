using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class VideoJoinerTests
{
    [Fact]
    public void ConcatList_NtscTimeBase_LengthsAreDifferencesOfRoundedStartsSoTheyAddUpExactly()
    {
        // 1001/30000 s per unit: frame starts at irrational-looking microseconds (33366.666… µs per frame).
        var timeBase = new Rational(1, 30000);
        VideoPart[] parts = [new("/w/a.mkv", 1001), new("/w/b.mkv", 1001 * 31), new("/w/c.mkv", 1001 * 62)];

        string list = VideoJoiner.ConcatList(parts, timeBase);

        Assert.Equal(
            "ffconcat version 1.0\nfile '/w/a.mkv'\nduration 1.001000\nfile '/w/b.mkv'\nduration 1.034366\nfile '/w/c.mkv'\n",
            list);
        // In µs: round(31031/30000 s) − round(1001/30000 s) = 1034367 − 33367, then 2068733 − 1034367: one µs less
        // than the exact 1034366.67 rounded, so that the parts start at their own rounded times, not at summed errors.
    }

    [Fact]
    public void ConcatList_QuoteInPath_EscapedAsFfmpegTokens()
    {
        string list = VideoJoiner.ConcatList([new("/w/it's.mkv", 0)], new Rational(1, 1000));

        Assert.Equal("ffconcat version 1.0\nfile '/w/it'\\''s.mkv'\n", list);
    }
}

using RealtimeSR.Shared.Diagnostics;

namespace RealtimeSR.Tests.Diagnostics;

public sealed class RecentMedianTests
{
    [Fact]
    public void Median_IsTheLowerMiddleOfTheLastValuesOnly()
    {
        var median = new RecentMedian(4);
        Assert.True(double.IsNaN(median.Median()));
        foreach (double v in new[] { 100.0, 200, 1, 2, 3, 4 })
        {
            median.Add(v);
        }

        // The last four are 1, 2, 3, 4: the lower middle is 2 (100 and 200 have left the window).
        Assert.Equal(2, median.Median());
        Assert.Equal(6, median.Count);
        median.Add(50);
        Assert.Equal(3, median.Median()); // 2, 3, 4, 50
    }
}

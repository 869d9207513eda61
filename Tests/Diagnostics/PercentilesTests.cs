using RealtimeSR.Shared.Diagnostics;

namespace RealtimeSR.Tests.Diagnostics;

public class PercentilesTests
{
    [Fact]
    public void Of_OneToHundred_GivesNearestRanks()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 100).Select(i => (double)(101 - i)));

        Assert.Equal(new Percentiles(50, 95, 99, 100), p);
    }

    [Fact]
    public void Of_SingleSample_IsThatSampleEverywhere()
    {
        Assert.Equal(new Percentiles(7, 7, 7, 7), Percentiles.Of([7.0, double.NaN]));
    }

    [Fact]
    public void Of_NoSamples_IsNaN()
    {
        Assert.True(double.IsNaN(Percentiles.Of([]).P50));
    }
}

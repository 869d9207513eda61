using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Tests.Imaging;

public class QuantiseTests
{
    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2.5, 3)] // half away from zero, not to even
    [InlineData(2.4999, 2)]
    [InlineData(-3, 0)]
    [InlineData(254.5, 255)]
    [InlineData(1000, 255)]
    [InlineData(double.NaN, 0)]
    public void ToByte_Value_RoundsHalfAwayAndClamps(double value, byte expected)
    {
        Assert.Equal(expected, Quantise.ToByte(value));
    }
}

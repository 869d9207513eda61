using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Tests.Imaging;

public class PixelConversionTests
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
        Assert.Equal(expected, PixelConversion.ToByte(value));
    }

    [Fact]
    public void PlanarUnitToRgb24_UnitValues_RoundHalfAwayAndClamp()
    {
        float[] r = [0f, 1f], g = [0.5f, 1.5f], b = [-0.2f, 127.4f / 255];
        var bytes = new byte[6];

        PixelConversion.PlanarUnitToRgb24(r, g, b, bytes);

        Assert.Equal(new byte[] { 0, 128, 0, 255, 255, 127 }, bytes);
    }

    [Fact]
    public void Rgb24ToPlanarUnit_EveryByte_RoundTripsThroughUnitToByte()
    {
        byte[] rgb = Enumerable.Range(0, 256 * 3).Select(i => (byte)(i % 256)).ToArray();
        float[] r = new float[256], g = new float[256], b = new float[256];

        PixelConversion.Rgb24ToPlanarUnit(rgb, r, g, b);
        var back = new byte[rgb.Length];
        PixelConversion.PlanarUnitToRgb24(r, g, b, back);

        Assert.Equal(rgb, back);
        Assert.Equal(1f, r[85]); // rgb[255] = 255
    }
}

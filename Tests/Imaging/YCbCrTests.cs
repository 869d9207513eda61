using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Tests.Imaging;

public class YCbCrTests
{
    public static TheoryData<ColorMatrix, ColorRange> AllConversions() => new()
    {
        { ColorMatrix.Bt601, ColorRange.Full },
        { ColorMatrix.Bt601, ColorRange.Limited },
        { ColorMatrix.Bt709, ColorRange.Full },
        { ColorMatrix.Bt709, ColorRange.Limited },
    };

    [Theory]
    [MemberData(nameof(AllConversions))]
    public void FromRgbThenToRgb_AnyMatrixAndRange_RoundTrips(ColorMatrix matrix, ColorRange range)
    {
        Image rgb = TestImages.Noise(16, 8, seed: 11);

        Image back = YCbCr.ToRgb(YCbCr.FromRgb(rgb, matrix, range));

        for (int i = 0; i < rgb.Planes.Length; i++)
        {
            Assert.Equal(rgb.Planes[i], back.Planes[i], 1e-3f);
        }
    }

    [Theory]
    [InlineData(ColorRange.Full, 255, 0)]
    [InlineData(ColorRange.Limited, 235, 16)]
    public void FromRgb_WhiteAndBlack_GiveRangeEndsAndNeutralChroma(ColorRange range, float white, float black)
    {
        var image = new Image(2, 1, PixelRange.Byte);
        for (int c = 0; c < Image.Channels; c++)
        {
            image.Plane(c)[0] = 255;
        }

        YCbCrPlanes planes = YCbCr.FromRgb(image, ColorMatrix.Bt709, range);

        Assert.Equal(white, planes.Y[0], 1e-4f);
        Assert.Equal(black, planes.Y[1], 1e-4f);
        Assert.All(planes.Cb.Concat(planes.Cr), v => Assert.Equal(128f, v, 1e-4f));
    }

    [Theory]
    [InlineData(ColorMatrix.Bt601, 0.299 * 255, 255.5)]
    [InlineData(ColorMatrix.Bt709, 0.2126 * 255, 255.5)]
    public void FromRgb_PureRed_MatchesMatrixCoefficients(ColorMatrix matrix, double expectedY, double expectedCr)
    {
        var image = new Image(1, 1, PixelRange.Byte);
        image.Plane(0)[0] = 255;

        YCbCrPlanes planes = YCbCr.FromRgb(image, matrix, ColorRange.Full);

        Assert.Equal(expectedY, planes.Y[0], 1e-3);
        Assert.Equal(expectedCr, planes.Cr[0], 1e-3); // 128 + 255 · (1 − Kr)/(2(1 − Kr)) = 255.5
    }

    [Fact]
    public void FromRgb_Bt601Limited_IsTheBenchmarkLumaFormula()
    {
        Image rgb = TestImages.Noise(10, 10, seed: 4);

        YCbCrPlanes planes = YCbCr.FromRgb(rgb, ColorMatrix.Bt601, ColorRange.Limited);

        for (int i = 0; i < planes.Y.Length; i++)
        {
            double expected = 16 + (65.481 * rgb.Planes[i] + 128.553 * rgb.Planes[100 + i] + 24.966 * rgb.Planes[200 + i]) / 255;
            Assert.Equal(expected, planes.Y[i], 1e-3);
        }
    }
}

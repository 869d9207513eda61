using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Metrics;

public class PsnrTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void OnLuma_IdenticalImages_IsPositiveInfinity()
    {
        Image image = TestImages.Pattern(20, 16);

        Assert.Equal(double.PositiveInfinity, Psnr.OnLuma(image, image, 2));
        Assert.Equal(double.PositiveInfinity, Psnr.OnRgb(image, image, 0));
    }

    [Fact]
    public void OnLuma_GreyLevelsTenApartInRgbFile_UsesLimitedRangeLuma()
    {
        // R = G = B in an RGB file goes through Y = 16 + (65.481 R + 128.553 G + 24.966 B)/255,
        // so a step of 10 in RGB is a step of 10 · 219/255 in Y.
        Image reference = TestImages.Constant(8, 8, 100);
        Image candidate = TestImages.Constant(8, 8, 110);
        double step = 10 * 219.0 / 255;

        double psnr = Psnr.OnLuma(reference, candidate, 0);

        Assert.Equal(10 * Math.Log10(255.0 * 255 / (step * step)), psnr, Tolerance);
    }

    [Fact]
    public void OnLuma_SingleChannelSource_ScoresGreyValues()
    {
        Image reference = TestImages.Constant(8, 8, 100, singleChannel: true);
        Image candidate = TestImages.Constant(8, 8, 110);

        Assert.Equal(10 * Math.Log10(255.0 * 255 / 100), Psnr.OnLuma(reference, candidate, 0), Tolerance);
    }

    [Fact]
    public void OnRgb_OneChannelOffByTen_AveragesOverChannels()
    {
        Image reference = TestImages.Constant(5, 4, 50);
        Image candidate = TestImages.Constant(5, 4, 50);
        candidate.Plane(1).Fill(60);

        Assert.Equal(10 * Math.Log10(255.0 * 255 / (100.0 / 3)), Psnr.OnRgb(reference, candidate, 0), Tolerance);
    }

    [Fact]
    public void OnLuma_DifferencesOnlyInShavedBorder_IsPositiveInfinity()
    {
        Image reference = TestImages.Pattern(12, 10);
        Image candidate = reference.Crop(0, 0, 12, 10);
        for (int c = 0; c < Image.Channels; c++)
        {
            candidate.Plane(c)[0] = 0;
            candidate.Plane(c)[12 * 10 - 1] = 255;
        }

        Assert.Equal(double.PositiveInfinity, Psnr.OnLuma(reference, candidate, 1));
        Assert.True(Psnr.OnLuma(reference, candidate, 0) < 60);
    }

    [Fact]
    public void OnLuma_OnePixelImages_ComputesTheSingleDifference()
    {
        Image reference = TestImages.Constant(1, 1, 0, singleChannel: true);
        Image candidate = TestImages.Constant(1, 1, 255);

        Assert.Equal(0.0, Psnr.OnLuma(reference, candidate, 0), Tolerance);
    }

    [Fact]
    public void OnLuma_ShaveLargerThanImage_ThrowsImageTooSmall()
    {
        Image image = TestImages.Pattern(8, 8);

        var error = Assert.Throws<ImageTooSmallException>(() => Psnr.OnLuma(image, image, 4));
        Assert.Contains("8x8", error.Message);
        Assert.Contains("4-pixel shave", error.Message);
    }

    [Fact]
    public void OnLuma_DifferentSizes_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(
            () => Psnr.OnLuma(TestImages.Pattern(8, 8), TestImages.Pattern(8, 9), 0));
        Assert.Contains("8x9", error.Message);
    }

    [Fact]
    public void OnLuma_UnitRangeCandidate_EqualsByteRangeScore()
    {
        Image reference = TestImages.Pattern(16, 16, seed: 1);
        Image candidate = TestImages.Pattern(16, 16, seed: 2);

        Assert.Equal(
            Psnr.OnLuma(reference, candidate, 2),
            Psnr.OnLuma(reference, candidate.ToRange(PixelRange.Unit), 2),
            1e-4);
    }
}

using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Metrics;

public class SsimTests
{
    private const double C1 = 6.5025; // (0.01 · 255)²
    private const double C2 = 58.5225; // (0.03 · 255)²

    [Fact]
    public void OnLuma_IdenticalImages_IsOne()
    {
        Image image = TestImages.Pattern(40, 30);

        Assert.Equal(1.0, Ssim.OnLuma(image, image, 4), 1e-12);
    }

    [Fact]
    public void OnLuma_DifferentConstantImages_IsLuminanceTermOnly()
    {
        // No variance anywhere: the contrast-structure term is C2/C2 = 1.
        Image reference = TestImages.Constant(20, 20, 100, singleChannel: true);
        Image candidate = TestImages.Constant(20, 20, 120, singleChannel: true);
        double expected = (2 * 100.0 * 120 + C1) / (100.0 * 100 + 120.0 * 120 + C1);

        Assert.Equal(expected, Ssim.OnLuma(reference, candidate, 0), 1e-12);
    }

    [Fact]
    public void OnLuma_OnePixelImages_UsesOnePixelWindow()
    {
        Image reference = TestImages.Constant(1, 1, 30, singleChannel: true);
        Image candidate = TestImages.Constant(1, 1, 200);
        double expected = (2 * 30.0 * 200 + C1) / (30.0 * 30 + 200.0 * 200 + C1);

        Assert.Equal(expected, Ssim.OnLuma(reference, candidate, 0), 1e-12);
    }

    [Fact]
    public void OnPlanes_OneWindowOfNoise_MatchesDirectGaussianStatistics()
    {
        // An 11×11 pair has exactly one valid window, so SSIM is the textbook formula with Gaussian-weighted
        // means, variances and covariance, computed here directly in 2-D.
        var random = new Random(7);
        double[] x = Enumerable.Range(0, 121).Select(_ => random.NextDouble() * 255).ToArray();
        double[] y = x.Select(v => Math.Clamp(v + (random.NextDouble() - 0.5) * 60, 0, 255)).ToArray();
        double[] w = new double[121];
        double total = 0;
        for (int i = 0; i < 11; i++)
        {
            for (int j = 0; j < 11; j++)
            {
                w[i * 11 + j] = Math.Exp(-((i - 5) * (i - 5) + (j - 5) * (j - 5)) / (2 * 1.5 * 1.5));
                total += w[i * 11 + j];
            }
        }

        double mx = 0, my = 0;
        for (int k = 0; k < 121; k++)
        {
            mx += w[k] / total * x[k];
            my += w[k] / total * y[k];
        }

        double vx = 0, vy = 0, cxy = 0;
        for (int k = 0; k < 121; k++)
        {
            vx += w[k] / total * (x[k] - mx) * (x[k] - mx);
            vy += w[k] / total * (y[k] - my) * (y[k] - my);
            cxy += w[k] / total * (x[k] - mx) * (y[k] - my);
        }

        double expected = (2 * mx * my + C1) * (2 * cxy + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));

        Assert.Equal(expected, Ssim.OfPlanes(x, y, 11, 11), 1e-9);
    }

    [Fact]
    public void OnLuma_MoreNoise_LowersScoreSymmetrically()
    {
        Image clean = TestImages.Pattern(48, 48);
        Image slightly = AddNoise(clean, 5, seed: 3);
        Image heavily = AddNoise(clean, 40, seed: 3);

        double light = Ssim.OnLuma(clean, slightly, 0);
        double heavy = Ssim.OnLuma(clean, heavily, 0);

        Assert.InRange(light, 0.5, 0.9999);
        Assert.True(heavy < light, $"heavy {heavy} should be below light {light}");
        Assert.Equal(Ssim.OnLuma(slightly, clean, 0), light, 1e-12);
    }

    [Fact]
    public void OnLuma_ShaveLargerThanImage_ThrowsImageTooSmall()
    {
        Image image = TestImages.Pattern(6, 30);

        Assert.Throws<ImageTooSmallException>(() => Ssim.OnLuma(image, image, 3));
    }

    private static Image AddNoise(Image image, double amplitude, int seed)
    {
        var random = new Random(seed);
        var result = new Image(image.Width, image.Height, image.Range);
        for (int i = 0; i < image.Planes.Length; i++)
        {
            result.Planes[i] = PixelConversion.ToByte(image.Planes[i] + (random.NextDouble() - 0.5) * 2 * amplitude);
        }

        return result;
    }
}

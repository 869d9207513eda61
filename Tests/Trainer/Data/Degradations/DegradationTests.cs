using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Data.Degradations;
using RealtimeSR.Trainer.X264;

namespace RealtimeSR.Tests.Trainer.Data.Degradations;

/// <summary>Each degradation changes a picture in the way its kind should, and only as its inputs say.</summary>
public class DegradationTests
{
    [Theory]
    [InlineData(1.5, 1.5, 0)]
    [InlineData(2.5, 0.5, 0.7)]
    public void GaussianBlur_NoisePicture_LowersHighFrequencyEnergyAndKeepsTheMean(double along, double across, double angle)
    {
        Image picture = TestImages.Noise(96, 96, seed: 4);

        Image blurred = GaussianBlur.Create(along, across, angle).Apply(picture);

        Assert.InRange(LaplacianEnergy(blurred), 0, 0.2 * LaplacianEnergy(picture));
        Assert.Equal(picture.Planes.Average(), blurred.Planes.Average(), 1.0);
    }

    [Fact]
    public void GaussianBlur_Kernel_SumsToOneAndIsLongestAlongItsAngle()
    {
        GaussianBlur blur = GaussianBlur.Create(3, 0.5, 0); // long along x
        int r = blur.Radius, size = blur.Size;

        Assert.Equal(1.0, blur.Weights.Sum(w => (double)w), 1e-5);
        Assert.True(blur.Weights[r * size + r + 3] > 10 * blur.Weights[(r + 3) * size + r]);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void SensorNoise_FlatGrey_RaisesVarianceByAboutSigmaSquared(bool poisson, bool grey)
    {
        Image flat = TestImages.Constant(64, 64, 128);
        var noise = new SensorNoise(Sigma: 6, Poisson: poisson, Grey: grey);

        noise.AddTo(flat, new StatelessRandom(1, 2, 3));

        foreach (int c in new[] { 0, 1, 2 })
        {
            float[] plane = flat.ReadPlane(c).ToArray();
            double mean = plane.Average();
            double variance = plane.Sum(v => (v - mean) * (v - mean)) / plane.Length;
            Assert.Equal(128, mean, 0.5);
            Assert.InRange(variance, 30, 42); // σ = 6 at mid grey (128) for both kinds
        }

        bool channelsEqual = flat.ReadPlane(0).SequenceEqual(flat.ReadPlane(1));
        Assert.Equal(grey, channelsEqual);
    }

    [Fact]
    public void JpegRoundTrip_LowQuality_LeavesEdgesOn8PixelBlockBoundaries()
    {
        Image picture = SmoothPicture(128, 128);

        Image jpeg = JpegRoundTrip.Apply(picture, quality: 15);

        Assert.True(BlockEdgeRatio(jpeg, 8) > 1.5, $"block-edge ratio {BlockEdgeRatio(jpeg, 8):F2}");
        Assert.InRange(BlockEdgeRatio(picture, 8), 0.8, 1.2);
    }

    [Fact]
    public void X264RoundTrip_HighCrf_LeavesMacroblockEdgesAndIsTheSameEveryRun()
    {
        Image[] clip = Enumerable.Range(0, 3).Select(t => SmoothPicture(128, 96, shift: t)).ToArray();

        Image[] first = X264RoundTrip.Run(clip, crf: 45, keyframeInterval: 3);
        Image[] second = X264RoundTrip.Run(clip, crf: 45, keyframeInterval: 3);

        Assert.Equal(3, first.Length);
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(first[t].Planes, second[t].Planes);
            Assert.True(BlockEdgeRatio(first[t], 16) > 2, $"frame {t}: macroblock-edge ratio {BlockEdgeRatio(first[t], 16):F2}");
            Assert.InRange(Psnr.OnLuma(clip[t], first[t], 0), 20, 45); // changed, but still the same picture
        }
    }

    [Fact]
    public void X264RoundTrip_LowCrf_IsCloseToTheInput()
    {
        Image[] clip = [TestImages.Pattern(64, 48), TestImages.Pattern(64, 48, seed: 2)];

        Image[] decoded = X264RoundTrip.Run(clip, crf: 10, keyframeInterval: 2);

        Assert.True(Psnr.OnLuma(clip[1], decoded[1], 0) > 40);
    }

    [Fact]
    public void Degrader_SameSeedStepAndItem_SameClipAndDifferentItemsDiffer()
    {
        var options = new DegradationOptions { CleanProbability = 0 };
        var degrader = new Degrader(options, hrSize: 64, scale: 4);
        Image region = TestImages.Pattern(degrader.RegionSize, degrader.RegionSize);

        DegradedClip a = degrader.Degrade(region, new StatelessRandom(7, 100, 3));
        DegradedClip b = degrader.Degrade(region, new StatelessRandom(7, 100, 3));
        DegradedClip[] others = Enumerable.Range(0, 8).Select(i => degrader.Degrade(region, new StatelessRandom(7, 101, i))).ToArray();

        Assert.Equal((a.Target, a.Crf, a.Frames.Length), (b.Target, b.Crf, b.Frames.Length));
        for (int t = 0; t < a.Frames.Length; t++)
        {
            Assert.Equal(a.Frames[t].Planes, b.Frames[t].Planes);
        }

        Assert.Contains(others, o => !o.TargetFrame.Planes.SequenceEqual(a.TargetFrame.Planes));
    }

    /// <summary>A smooth gradient (no edges of its own), shifted right by <paramref name="shift"/> pixels.</summary>
    private static Image SmoothPicture(int width, int height, int shift = 0)
    {
        var image = new Image(width, height, PixelRange.Byte);
        for (int c = 0; c < Image.Channels; c++)
        {
            Span<float> plane = image.Plane(c);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    plane[y * width + x] = PixelConversion.ToByte(60 + 1.1 * (x - shift) + 0.6 * y + 25 * Math.Sin((x - shift) * 0.05 + c));
                }
            }
        }

        return image;
    }

    /// <summary>Mean |ΔY| across vertical block boundaries over the mean |ΔY| between other columns.</summary>
    private static double BlockEdgeRatio(Image image, int block)
    {
        double[] y = BenchmarkLuma.Of(image, asGrey: false);
        double edge = 0, inner = 0;
        int edges = 0, inners = 0;
        for (int row = 0; row < image.Height; row++)
        {
            for (int x = 1; x < image.Width; x++)
            {
                double d = Math.Abs(y[row * image.Width + x] - y[row * image.Width + x - 1]);
                if (x % block == 0)
                {
                    edge += d;
                    edges++;
                }
                else
                {
                    inner += d;
                    inners++;
                }
            }
        }

        return edge / edges / (inner / inners);
    }

    private static double LaplacianEnergy(Image image)
    {
        double[] y = BenchmarkLuma.Of(image, asGrey: false);
        int w = image.Width;
        double sum = 0;
        for (int row = 1; row < image.Height - 1; row++)
        {
            for (int x = 1; x < w - 1; x++)
            {
                double l = 4 * y[row * w + x] - y[row * w + x - 1] - y[row * w + x + 1] - y[(row - 1) * w + x] - y[(row + 1) * w + x];
                sum += l * l;
            }
        }

        return sum;
    }
}

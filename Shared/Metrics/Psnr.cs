using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Metrics;

/// <summary>Peak signal-to-noise ratio in dB against a peak of 255; identical images give +∞.</summary>
public static class Psnr
{
    /// <summary>
    /// PSNR on the benchmark Y channel (<see cref="BenchmarkLuma"/>), <paramref name="shave"/> pixels of border
    /// left out. Whether the pair is scored as grey follows <paramref name="reference"/>.
    /// </summary>
    public static double OnLuma(Image reference, Image candidate, int shave)
    {
        var region = ScoredRegion.Of(reference, candidate, shave);
        bool grey = reference.IsSingleChannelSource;
        double[] a = region.Extract(BenchmarkLuma.Of(reference, grey), reference.Width);
        double[] b = region.Extract(BenchmarkLuma.Of(candidate, grey), reference.Width);
        return FromMeanSquaredError(MeanSquaredError(a, b));
    }

    /// <summary>PSNR over all three RGB channels (values in [0, 255]), <paramref name="shave"/> pixels of border left out.</summary>
    public static double OnRgb(Image reference, Image candidate, int shave)
    {
        var region = ScoredRegion.Of(reference, candidate, shave);
        double sum = 0;
        for (int c = 0; c < Image.Channels; c++)
        {
            double[] a = region.Extract(ToByteRange(reference, c), reference.Width);
            double[] b = region.Extract(ToByteRange(candidate, c), reference.Width);
            sum += MeanSquaredError(a, b);
        }

        return FromMeanSquaredError(sum / Image.Channels);
    }

    /// <summary>10·log10(255² / mse); +∞ for a zero error.</summary>
    public static double FromMeanSquaredError(double meanSquaredError) =>
        meanSquaredError <= 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / meanSquaredError);

    private static double MeanSquaredError(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return sum / a.Length;
    }

    private static double[] ToByteRange(Image image, int channel)
    {
        double scale = image.Range == PixelRange.Byte ? 1.0 : 255.0;
        ReadOnlySpan<float> plane = image.ReadPlane(channel);
        var values = new double[plane.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = plane[i] * scale;
        }

        return values;
    }
}

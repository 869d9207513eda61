using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Metrics;

/// <summary>
/// Structural similarity as Wang et al. define it and the SR benchmark scripts compute it: on the benchmark Y
/// channel in [0, 255], an 11×11 Gaussian window with σ = 1.5, K1 = 0.01, K2 = 0.03, 'valid' windows only, the
/// mean of the SSIM map. Identical images give 1.
/// </summary>
public static class Ssim
{
    public const int WindowSize = 11;
    public const double Sigma = 1.5;
    private const double C1 = 0.01 * 255 * 0.01 * 255;
    private const double C2 = 0.03 * 255 * 0.03 * 255;

    /// <summary>
    /// SSIM on the benchmark Y channel with <paramref name="shave"/> pixels of border left out. Where the scored
    /// region is narrower or lower than the window, the window is cut to the region (its central taps,
    /// renormalised), so tiny images still get a defined score.
    /// </summary>
    public static double OnLuma(Image reference, Image candidate, int shave)
    {
        var region = ScoredRegion.Of(reference, candidate, shave);
        bool grey = reference.IsSingleChannelSource;
        double[] x = region.Extract(BenchmarkLuma.Of(reference, grey), reference.Width);
        double[] y = region.Extract(BenchmarkLuma.Of(candidate, grey), reference.Width);
        return OfPlanes(x, y, region.Width, region.Height);
    }

    /// <summary>SSIM of two row-major planes of values in [0, 255].</summary>
    public static double OfPlanes(double[] x, double[] y, int width, int height)
    {
        var statistics = new SsimStatistics(width, height);
        statistics.SetReference(x);
        return statistics.Score(y);
    }

    /// <summary>
    /// The mean of the SSIM map from the window means and second moments of the two planes (<paramref name="count"/>
    /// 'valid' positions).
    /// </summary>
    internal static double MeanOfMap(
        ReadOnlySpan<double> muX, ReadOnlySpan<double> eXX, ReadOnlySpan<double> muY, ReadOnlySpan<double> eYY, ReadOnlySpan<double> eXY, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double mx = muX[i], my = muY[i];
            double varX = eXX[i] - mx * mx;
            double varY = eYY[i] - my * my;
            double cov = eXY[i] - mx * my;
            sum += (2 * mx * my + C1) * (2 * cov + C2) / ((mx * mx + my * my + C1) * (varX + varY + C2));
        }

        return sum / count;
    }

    /// <summary>The central <paramref name="size"/> taps of the 11-tap Gaussian, normalised to sum 1.</summary>
    internal static double[] Window(int size)
    {
        var taps = new double[size];
        double centre = (size - 1) / 2.0;
        double sum = 0;
        for (int i = 0; i < size; i++)
        {
            double d = i - centre;
            taps[i] = Math.Exp(-d * d / (2 * Sigma * Sigma));
            sum += taps[i];
        }

        for (int i = 0; i < size; i++)
        {
            taps[i] /= sum;
        }

        return taps;
    }
}

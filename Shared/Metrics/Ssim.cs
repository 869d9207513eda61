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
        double[] kx = Window(Math.Min(WindowSize, width));
        double[] ky = Window(Math.Min(WindowSize, height));

        var xy = new double[x.Length];
        var xx = new double[x.Length];
        var yy = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            xy[i] = x[i] * y[i];
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
        }

        double[] muX = FilterValid(x, width, height, kx, ky, out int outWidth, out int outHeight);
        double[] muY = FilterValid(y, width, height, kx, ky, out _, out _);
        double[] eXX = FilterValid(xx, width, height, kx, ky, out _, out _);
        double[] eYY = FilterValid(yy, width, height, kx, ky, out _, out _);
        double[] eXY = FilterValid(xy, width, height, kx, ky, out _, out _);

        double sum = 0;
        int count = outWidth * outHeight;
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
    private static double[] Window(int size)
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

    /// <summary>Separable correlation keeping only positions where the whole window fits.</summary>
    private static double[] FilterValid(
        double[] plane, int width, int height, double[] kx, double[] ky, out int outWidth, out int outHeight)
    {
        outWidth = width - kx.Length + 1;
        outHeight = height - ky.Length + 1;
        var horizontal = new double[outWidth * height];
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            for (int x = 0; x < outWidth; x++)
            {
                double acc = 0;
                for (int k = 0; k < kx.Length; k++)
                {
                    acc += kx[k] * plane[row + x + k];
                }

                horizontal[y * outWidth + x] = acc;
            }
        }

        var result = new double[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++)
        {
            for (int x = 0; x < outWidth; x++)
            {
                double acc = 0;
                for (int k = 0; k < ky.Length; k++)
                {
                    acc += ky[k] * horizontal[(y + k) * outWidth + x];
                }

                result[y * outWidth + x] = acc;
            }
        }

        return result;
    }
}

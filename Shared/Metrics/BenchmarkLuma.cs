using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Metrics;

/// <summary>
/// The Y channel the SR benchmark tables are computed on: BT.601 limited-range luma of 8-bit RGB,
/// Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255, not rounded. A picture whose reference file had one grey
/// channel is scored on its grey values instead (as the MATLAB scripts behind the published tables do); for
/// such a picture an RGB candidate is reduced to grey with full-range BT.601 weights, which is the identity
/// when R = G = B.
/// </summary>
public static class BenchmarkLuma
{
    /// <summary>Luma in [16, 235] (or grey in [0, 255] when <paramref name="asGrey"/>), row-major.</summary>
    public static double[] Of(Image image, bool asGrey)
    {
        double toByte = image.Range == PixelRange.Byte ? 1.0 : 255.0;
        ReadOnlySpan<float> r = image.ReadPlane(0);
        ReadOnlySpan<float> g = image.ReadPlane(1);
        ReadOnlySpan<float> b = image.ReadPlane(2);
        var y = new double[r.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double rr = r[i] * toByte, gg = g[i] * toByte, bb = b[i] * toByte;
            y[i] = asGrey ? YCbCr.Grey(rr, gg, bb) : OfBytes(rr, gg, bb);
        }

        return y;
    }

    /// <summary>Benchmark Y (BT.601, [16, 235]) of one RGB sample in [0, 255].</summary>
    public static double OfBytes(double r, double g, double b) => 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255;
}

using System.Numerics;

namespace RealtimeSR.Shared.Metrics;

/// <summary>
/// SSIM of candidates against one reference plane (<see cref="Ssim"/>'s definition): the reference's window means and
/// second moments are filtered once, each candidate's then, into buffers kept between calls, so scoring many
/// candidates or many frames of one size allocates nothing. The separable Gaussian runs over whole rows with
/// <see cref="Vector{T}"/>, which sums the same products in the same order per position as a scalar loop.
/// </summary>
public sealed class SsimStatistics
{
    private readonly int _width;
    private readonly int _height;
    private readonly double[] _kx;
    private readonly double[] _ky;
    private readonly int _outWidth;
    private readonly int _outHeight;
    private readonly double[] _horizontal;
    private readonly double[] _product;
    private readonly double[] _muX;
    private readonly double[] _eXX;
    private readonly double[] _muY;
    private readonly double[] _eYY;
    private readonly double[] _eXY;
    private double[]? _reference;

    /// <param name="width">Plane width (the scored region).</param>
    /// <param name="height">Plane height.</param>
    public SsimStatistics(int width, int height)
    {
        (_width, _height) = (width, height);
        _kx = Ssim.Window(Math.Min(Ssim.WindowSize, width));
        _ky = Ssim.Window(Math.Min(Ssim.WindowSize, height));
        _outWidth = width - _kx.Length + 1;
        _outHeight = height - _ky.Length + 1;
        int plane = width * height, valid = _outWidth * _outHeight;
        _horizontal = new double[_outWidth * height];
        _product = new double[plane];
        (_muX, _eXX, _muY, _eYY, _eXY) = (new double[valid], new double[valid], new double[valid], new double[valid], new double[valid]);
    }

    /// <summary>Sets the reference plane (row-major, values in [0, 255]; kept, not copied).</summary>
    public void SetReference(double[] reference)
    {
        _reference = reference;
        Filter(reference, _muX);
        Square(reference, reference, _product);
        Filter(_product, _eXX);
    }

    /// <summary>SSIM of <paramref name="candidate"/> (same size as the reference) against the reference.</summary>
    public double Score(double[] candidate)
    {
        double[] reference = _reference ?? throw new InvalidOperationException("no reference set");
        Filter(candidate, _muY);
        Square(candidate, candidate, _product);
        Filter(_product, _eYY);
        Square(reference, candidate, _product);
        Filter(_product, _eXY);
        return Ssim.MeanOfMap(_muX, _eXX, _muY, _eYY, _eXY, _outWidth * _outHeight);
    }

    private static void Square(double[] a, double[] b, double[] product)
    {
        for (int i = 0; i < product.Length; i++)
        {
            product[i] = a[i] * b[i];
        }
    }

    /// <summary>Separable correlation keeping only positions where the whole window fits.</summary>
    private void Filter(double[] plane, double[] result)
    {
        for (int y = 0; y < _height; y++)
        {
            Correlate(plane.AsSpan(y * _width, _width), 1, _kx, _horizontal.AsSpan(y * _outWidth, _outWidth));
        }

        for (int y = 0; y < _outHeight; y++)
        {
            Correlate(_horizontal.AsSpan(y * _outWidth), _outWidth, _ky, result.AsSpan(y * _outWidth, _outWidth));
        }
    }

    /// <summary>
    /// output[x] = Σ_k taps[k] · input[x + k·stride], k in order: along a row with stride 1, down columns with the row
    /// length as stride (<paramref name="input"/> then starts at the first row of the window).
    /// </summary>
    private static void Correlate(ReadOnlySpan<double> input, int stride, double[] taps, Span<double> output)
    {
        int x = 0;
        int lanes = Vector<double>.Count;
        for (; x <= output.Length - lanes; x += lanes)
        {
            var acc = Vector<double>.Zero;
            for (int k = 0; k < taps.Length; k++)
            {
                acc += new Vector<double>(input.Slice(x + k * stride, lanes)) * taps[k];
            }

            acc.CopyTo(output.Slice(x, lanes));
        }

        for (; x < output.Length; x++)
        {
            double acc = 0;
            for (int k = 0; k < taps.Length; k++)
            {
                acc += taps[k] * input[x + k * stride];
            }

            output[x] = acc;
        }
    }
}

using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Metrics;

/// <summary>
/// Y-PSNR and SSIM of candidate pictures against one reference picture, as <see cref="Psnr.OnLuma"/> and
/// <see cref="Ssim.OnLuma"/> score them (each picture quantised to 8 bits by <see cref="PixelConversion.UnitToByte"/>,
/// benchmark Y, <c>shave</c> pixels of border left out), from planar [0, 1] RGB and into buffers kept between calls:
/// for scoring every frame of a video without allocating. One size; not thread-safe.
/// </summary>
public sealed class LumaScorer
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _shave;
    private readonly double[] _reference;
    private readonly double[] _candidate;
    private readonly SsimStatistics _ssim;

    /// <param name="width">Picture width.</param>
    /// <param name="height">Picture height.</param>
    /// <param name="shave">Border left out on each side.</param>
    public LumaScorer(int width, int height, int shave)
    {
        if (width - 2 * shave < 1 || height - 2 * shave < 1)
        {
            throw new ImageTooSmallException(width, height, 2 * shave + 1, 2 * shave + 1, $"a {shave}-pixel shave");
        }

        (_width, _height, _shave) = (width, height, shave);
        int regionWidth = width - 2 * shave, regionHeight = height - 2 * shave;
        _reference = new double[regionWidth * regionHeight];
        _candidate = new double[regionWidth * regionHeight];
        _ssim = new SsimStatistics(regionWidth, regionHeight);
    }

    /// <summary>Sets the reference picture (CHW [0, 1]).</summary>
    public void SetReference(ReadOnlySpan<float> chw)
    {
        Luma(chw, _reference);
        _ssim.SetReference(_reference);
    }

    /// <summary>Y-PSNR (dB) and SSIM of <paramref name="chw"/> (CHW [0, 1]) against the reference.</summary>
    public (double Psnr, double Ssim) Score(ReadOnlySpan<float> chw)
    {
        Luma(chw, _candidate);
        double sum = 0;
        for (int i = 0; i < _candidate.Length; i++)
        {
            double d = _reference[i] - _candidate[i];
            sum += d * d;
        }

        return (Psnr.FromMeanSquaredError(sum / _candidate.Length), _ssim.Score(_candidate));
    }

    /// <summary>Benchmark Y of the 8-bit picture over the scored region.</summary>
    private void Luma(ReadOnlySpan<float> chw, double[] y)
    {
        int plane = _width * _height, regionWidth = _width - 2 * _shave;
        if (chw.Length != 3 * plane)
        {
            throw new ArgumentException($"{chw.Length} samples are not a {_width}x{_height} RGB picture", nameof(chw));
        }

        for (int row = 0; row < _height - 2 * _shave; row++)
        {
            int from = (row + _shave) * _width + _shave, to = row * regionWidth;
            for (int x = 0; x < regionWidth; x++)
            {
                int i = from + x;
                y[to + x] = BenchmarkLuma.OfBytes(PixelConversion.UnitToByte(chw[i]), PixelConversion.UnitToByte(chw[plane + i]), PixelConversion.UnitToByte(chw[2 * plane + i]));
            }
        }
    }
}

using System.Numerics;
using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Data.Degradations;

/// <summary>
/// A normalised 2-D Gaussian kernel, isotropic or anisotropic (σ along a rotated axis and across it), and its
/// convolution with an image whose edges are extended by their edge pixels.
/// </summary>
internal sealed class GaussianBlur
{
    private const int MaxRadius = 10;

    private GaussianBlur(float[] weights, int radius)
    {
        Weights = weights;
        Radius = radius;
    }

    /// <summary>(2·Radius + 1)² weights, row-major, summing to 1.</summary>
    public float[] Weights { get; }

    public int Radius { get; }

    public int Size => 2 * Radius + 1;

    /// <summary>A kernel with σ <paramref name="along"/> on the axis at <paramref name="angle"/> radians and σ <paramref name="across"/> across it.</summary>
    public static GaussianBlur Create(double along, double across, double angle)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(along);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(across);
        int radius = Math.Clamp((int)Math.Ceiling(3 * Math.Max(along, across)), 1, MaxRadius);
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        double a2 = along * along, c2 = across * across;
        int size = 2 * radius + 1;
        var weights = new double[size * size];
        double sum = 0;
        for (int y = -radius; y <= radius; y++)
        {
            for (int x = -radius; x <= radius; x++)
            {
                double u = x * cos + y * sin, v = -x * sin + y * cos;
                double w = Math.Exp(-0.5 * (u * u / a2 + v * v / c2));
                weights[(y + radius) * size + x + radius] = w;
                sum += w;
            }
        }

        return new GaussianBlur(weights.Select(w => (float)(w / sum)).ToArray(), radius);
    }

    /// <summary>The blurred image (same size and range; not rounded).</summary>
    public Image Apply(Image image)
    {
        int width = image.Width, height = image.Height, size = Size;
        int paddedWidth = width + 2 * Radius;
        var padded = new float[paddedWidth * (height + 2 * Radius)];
        var result = new Image(width, height, image.Range, image.IsSingleChannelSource);
        for (int c = 0; c < Image.Channels; c++)
        {
            ReadOnlySpan<float> source = image.ReadPlane(c);
            for (int py = 0; py < height + 2 * Radius; py++)
            {
                ReadOnlySpan<float> row = source.Slice(Math.Clamp(py - Radius, 0, height - 1) * width, width);
                Span<float> target = padded.AsSpan(py * paddedWidth, paddedWidth);
                target[..Radius].Fill(row[0]);
                row.CopyTo(target[Radius..]);
                target[(Radius + width)..].Fill(row[width - 1]);
            }

            Span<float> output = result.Plane(c);
            for (int y = 0; y < height; y++)
            {
                Span<float> outRow = output.Slice(y * width, width);
                for (int ky = 0; ky < size; ky++)
                {
                    ReadOnlySpan<float> inRow = padded.AsSpan((y + ky) * paddedWidth, paddedWidth);
                    for (int kx = 0; kx < size; kx++)
                    {
                        MultiplyAdd(inRow.Slice(kx, width), Weights[ky * size + kx], outRow);
                    }
                }
            }
        }

        return result;
    }

    private static void MultiplyAdd(ReadOnlySpan<float> input, float weight, Span<float> output)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            for (; i <= output.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(output[i..]) + new Vector<float>(input[i..]) * w).CopyTo(output[i..]);
            }
        }

        for (; i < output.Length; i++)
        {
            output[i] += input[i] * weight;
        }
    }
}

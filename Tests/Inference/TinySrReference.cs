using RealtimeSR.Tests.Onnx;

namespace RealtimeSR.Tests.Inference;

/// <summary>
/// The tiny test network computed directly in C# (double precision): 3×3 convolution with zero padding 1, then CRD
/// depth-to-space, then clamping to [0,1] as <c>SrSession</c> does. The ground truth ONNX Runtime is held to.
/// </summary>
public static class TinySrReference
{
    /// <summary>Runs <paramref name="weights"/> on CHW <paramref name="lr"/> (3×height×width); returns CHW 3×sH×sW.</summary>
    public static float[] Run(TinySrWeights weights, float[] lr, int height, int width)
    {
        var s = weights.Scale;
        var channels = weights.ConvChannels;
        int outHeight = s * height, outWidth = s * width;
        var sr = new float[3 * outHeight * outWidth];
        for (var o = 0; o < channels; o++)
        {
            // CRD: conv channel o = c·s² + i·s + j feeds output channel c at sub-pixel (i, j).
            int c = o / (s * s), i = o / s % s, j = o % s;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    double sum = weights.Bias[o];
                    for (var k = 0; k < 3; k++)
                    {
                        for (var ky = 0; ky < 3; ky++)
                        {
                            for (var kx = 0; kx < 3; kx++)
                            {
                                int iy = y + ky - 1, ix = x + kx - 1;
                                if (iy >= 0 && iy < height && ix >= 0 && ix < width)
                                {
                                    sum += (double)weights.Weight[((o * 3 + k) * 3 + ky) * 3 + kx] * lr[(k * height + iy) * width + ix];
                                }
                            }
                        }
                    }

                    sr[(c * outHeight + y * s + i) * outWidth + x * s + j] = (float)Math.Clamp(sum, 0, 1);
                }
            }
        }

        return sr;
    }

    /// <summary>A CHW 3×height×width frame of values in [0,1] from a fixed seed.</summary>
    public static float[] RandomFrame(int height, int width, int seed)
    {
        var random = new Random(seed);
        var frame = new float[3 * height * width];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = random.NextSingle();
        }

        return frame;
    }

    /// <summary>Largest absolute difference between two equally long arrays.</summary>
    public static double MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"lengths differ: {a.Length} and {b.Length}");
        }

        double max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }

        return max;
    }
}

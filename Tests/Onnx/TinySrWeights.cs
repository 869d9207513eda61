namespace RealtimeSR.Tests.Onnx;

/// <summary>
/// Weights of the tiny test network: a 3×3 convolution (pad 1) from 3 to 3·scale² channels, then CRD
/// depth-to-space by <see cref="Scale"/> (the ONNX form of PixelShuffle).
/// </summary>
/// <param name="Scale">Upscaling factor.</param>
/// <param name="Weight">Conv weight, OIHW: [3·scale², 3, 3, 3].</param>
/// <param name="Bias">Conv bias, [3·scale²].</param>
public sealed record TinySrWeights(int Scale, float[] Weight, float[] Bias)
{
    /// <summary>Output channels of the convolution.</summary>
    public int ConvChannels => 3 * Scale * Scale;

    /// <summary>
    /// Random weights from a fixed seed, sized so most outputs land in [0,1] and some fall outside (the consumer
    /// clamps, and tests should see that happen).
    /// </summary>
    public static TinySrWeights Random(int scale, int seed = 1)
    {
        var random = new Random(seed);
        var channels = 3 * scale * scale;
        var weight = new float[channels * 3 * 3 * 3];
        for (var i = 0; i < weight.Length; i++)
        {
            weight[i] = (float)(random.NextDouble() * 0.2 - 0.08);
        }

        var bias = new float[channels];
        for (var i = 0; i < bias.Length; i++)
        {
            bias[i] = (float)(random.NextDouble() * 0.6 - 0.2);
        }

        return new TinySrWeights(scale, weight, bias);
    }
}

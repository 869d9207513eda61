using RealtimeSR.Shared;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Trainer.Models;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Export;

/// <summary>
/// Checks that an exported graph computes what the TorchSharp network computes: both run on the same random
/// 64×48 RGB picture (CPU, eval mode) and the largest difference of the clamped outputs must be ≤ 1e-4.
/// </summary>
internal static class ExportParity
{
    public const double Tolerance = 1e-4;

    /// <summary>
    /// The most float16 weights may move an output pixel (values in [0, 1]) from the float32 export's: half an 8-bit
    /// grey level. Rounding to 11 significant bits moved the trained SRResNet ×4 by 5.3e-4 and its Set5/Set14 scores
    /// by under 0.001 dB; a larger change means weights whose size float16 cannot hold.
    /// </summary>
    public const double HalfWeightTolerance = 0.5 / 255;

    public const int Width = 64;
    public const int Height = 48;

    /// <param name="network">The TorchSharp network (restored to its train/eval mode afterwards).</param>
    /// <param name="onnx">The exported model's bytes.</param>
    /// <param name="source">Names the model in the error.</param>
    /// <param name="height">Test picture height (odd sizes exercise padding paths).</param>
    /// <param name="width">Test picture width.</param>
    /// <returns>The largest absolute difference found.</returns>
    public static double Check(SrNetwork network, byte[] onnx, string source, int height = Height, int width = Width)
    {
        using var scope = NewDisposeScope();
        Tensor input = TestPicture(height, width);
        float[] torchOutput;
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var noGrad = no_grad();
            torchOutput = network.forward(input).clamp(LongLivedScalars.Zero, LongLivedScalars.One).data<float>().ToArray();
        }
        finally
        {
            network.train(wasTraining);
        }

        double worst = LargestDifference(Run(onnx, source, input, height, width), torchOutput);
        if (!(worst <= Tolerance))
        {
            throw new ExportParityException(source, "ONNX output differs from the TorchSharp forward", worst, Tolerance);
        }

        return worst;
    }

    /// <summary>
    /// How far the float16-weight export <paramref name="half"/> moves the output from the float32 export
    /// <paramref name="full"/> (already checked with <see cref="Check"/>) on the test picture.
    /// </summary>
    /// <returns>The largest absolute difference found.</returns>
    /// <exception cref="ExportParityException">It is more than <see cref="HalfWeightTolerance"/>.</exception>
    public static double CheckHalfWeights(byte[] full, byte[] half, string source)
    {
        using var scope = NewDisposeScope();
        Tensor input = TestPicture(Height, Width);
        double worst = LargestDifference(Run(half, source, input, Height, Width), Run(full, source, input, Height, Width));
        if (!(worst <= HalfWeightTolerance))
        {
            throw new ExportParityException(source, "float16 weights move the output from the float32 export's", worst, HalfWeightTolerance);
        }

        return worst;
    }

    private static Tensor TestPicture(int height, int width) =>
        rand([1, 3, height, width], generator: new TorchSharp.torch.Generator(1234));

    private static float[] Run(byte[] onnx, string source, Tensor input, int height, int width)
    {
        using var session = new SrSession(onnx, source, new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        var output = new float[session.OutputLength(height, width)];
        session.Run(input.data<float>().ToArray(), height, width, output);
        return output;
    }

    private static double LargestDifference(float[] a, float[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        return worst;
    }
}

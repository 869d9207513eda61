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
        var generator = new TorchSharp.torch.Generator(1234);
        Tensor input = rand([1, 3, height, width], generator: generator);
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

        using var session = new SrSession(onnx, source, new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        var onnxOutput = new float[session.OutputLength(height, width)];
        session.Run(input.data<float>().ToArray(), height, width, onnxOutput);

        double worst = 0;
        for (int i = 0; i < onnxOutput.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(onnxOutput[i] - torchOutput[i]));
        }

        if (!(worst <= Tolerance))
        {
            throw new ExportParityException(source, worst);
        }

        return worst;
    }
}

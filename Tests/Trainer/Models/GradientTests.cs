using RealtimeSR.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Models;

/// <summary>
/// The gradients training follows are the loss's real slopes: for every architecture, backward's gradient of the
/// first elements of every parameter equals a central finite difference of the loss computed in float64. libtorch's
/// oneDNN convolutions failed this (e.g. ESPCN ×2: −0.0042 where the slope is −0.0968), which is why the trainer runs
/// libtorch's own kernels (Trainer/Torch/LibTorchKernels.cs).
/// </summary>
[Collection(TorchRandomCollection.Name)]
public class GradientTests
{
    private const int ElementsPerParameter = 6;
    private const double Step = 1e-4;

    [Theory]
    [MemberData(nameof(TinyNetworks.EveryArchitecture), MemberType = typeof(TinyNetworks))]
    public void Backward_TinyNetwork_GradientsEqualFiniteDifferences(string arch, int scale)
    {
        manual_seed(21);
        using SrNetwork network = TinyNetworks.Create(arch, scale);
        network.train();
        using var scope = NewDisposeScope();
        Tensor lr = rand([2, 3, 10, 12], generator: new Generator(1));
        Tensor hr = rand([2, 3, 10 * scale, 12 * scale], generator: new Generator(2));
        network.TrainingLoss(network.forward(lr), hr).backward();
        float[][] gradients = network.parameters().Select(p => p.grad!.contiguous().data<float>().ToArray()).ToArray();

        // Batch norm uses batch statistics in training mode; the slopes are taken of that same function.
        network.to(ScalarType.Float64);
        Tensor lr64 = lr.to(ScalarType.Float64), hr64 = hr.to(ScalarType.Float64);
        double Loss()
        {
            using var inner = NewDisposeScope();
            using var noGrad = no_grad();
            return network.TrainingLoss(network.forward(lr64), hr64).item<double>();
        }

        var parameters = network.parameters().ToArray();
        for (int p = 0; p < parameters.Length; p++)
        {
            Tensor flat = parameters[p].detach().view(-1);
            for (int i = 0; i < Math.Min(ElementsPerParameter, gradients[p].Length); i++)
            {
                double original = flat[i].item<double>();
                using Scalar up = (original + Step).ToScalar(), down = (original - Step).ToScalar(), back = original.ToScalar();
                flat[i].fill_(up);
                double lossUp = Loss();
                flat[i].fill_(down);
                double lossDown = Loss();
                flat[i].fill_(back);
                double slope = (lossUp - lossDown) / (2 * Step);
                Assert.True(Math.Abs(gradients[p][i] - slope) <= 1e-4 + 1e-2 * Math.Abs(slope),
                    $"{arch} x{scale}, parameter {p} element {i}: backward {gradients[p][i]:G5}, finite difference {slope:G5}");
            }
        }
    }
}

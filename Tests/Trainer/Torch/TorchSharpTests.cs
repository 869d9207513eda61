using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Torch;

/// <summary>
/// TorchSharp's native libraries load from this test project's output and compute. On Debian 12 this is also the
/// end-to-end check of the build step that marks libLibTorchSharp.so's GLIBCXX_3.4.32 need weak: without it the
/// first torch call throws.
/// </summary>
[Collection(TorchRandomCollection.Name)]
public class TorchSharpTests
{
    [Fact]
    public void Conv2d_RandnInputWithFixedSeed_FiniteAndRepeatable()
    {
        float[] first = ConvOfRandn(seed: 1234);
        float[] again = ConvOfRandn(seed: 1234);
        float[] other = ConvOfRandn(seed: 4321);

        Assert.Equal(1 * 4 * 8 * 8, first.Length);
        Assert.All(first, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(first, again); // same seed, same device, same thread count: bit-identical
        Assert.NotEqual(first, other);
    }

    /// <summary>A 3×3 convolution (3→4 channels, padding 1) of an NCHW 1×3×8×8 randn input; weights from the same seed.</summary>
    private static float[] ConvOfRandn(long seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        using var conv = nn.Conv2d(3, 4, kernel_size: 3, padding: 1);
        using (no_grad())
        {
            Tensor input = randn(1, 3, 8, 8);
            return conv.forward(input).data<float>().ToArray();
        }
    }
}

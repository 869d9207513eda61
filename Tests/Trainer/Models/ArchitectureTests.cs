using RealtimeSR.Trainer.Models;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Models;

[Collection(TorchRandomCollection.Name)]
public class ArchitectureTests
{
    [Theory]
    [MemberData(nameof(TinyNetworks.EveryArchitecture), MemberType = typeof(TinyNetworks))]
    public void Forward_TinyConfig_OutputIsScaledRgbInRange(string arch, int scale)
    {
        manual_seed(3);
        using SrNetwork network = TinyNetworks.Create(arch, scale);
        network.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor input = rand(2, 3, 11, 7);

        Tensor output = network.forward(input);

        Assert.Equal(new long[] { 2, 3, 11 * scale, 7 * scale }, output.shape);
        Assert.True(output.isfinite().all().item<bool>());
        // SRResNet's tanh bounds it to [0, 1]; the untrained luma nets are unbounded linear maps of [0, 1] input
        // (the consumer clamps), so only a loose bound holds for them.
        float low = arch == "srresnet" ? 0f : -3f, high = arch == "srresnet" ? 1f : 3f;
        Assert.InRange(output.min().item<float>(), low, high);
        Assert.InRange(output.max().item<float>(), low, high);
    }

    [Theory]
    [InlineData(2, 11, 7)]
    [InlineData(4, 12, 8)]
    public void Forward_FoldedRealtimeNet_OutputIsScaledAtAnySize(int scale, int height, int width)
    {
        manual_seed(4);
        using SrNetwork network = ArchitectureRegistry.Create(new NetworkOptions("realtime", scale, Channels: 8, Blocks: 2, Fold: 2));
        network.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        Tensor output = network.forward(rand(1, 3, height, width));

        Assert.Equal(new long[] { 1, 3, height * scale, width * scale }, output.shape);
        Assert.True(output.isfinite().all().item<bool>());
    }

    [Fact]
    public void Create_FoldOnAnotherArchitecture_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ArchitectureRegistry.Create(new NetworkOptions("espcn", 2, 8, 0, Fold: 2)));
    }

    [Fact]
    public void Create_SrResNetAtScaleFive_ThrowsUnsupportedScale()
    {
        var error = Assert.Throws<UnsupportedScaleException>(
            () => ArchitectureRegistry.Create(ArchitectureRegistry.Defaults("srresnet", 5)));

        Assert.Contains("scale 5", error.Message);
    }

    [Fact]
    public void Defaults_UnknownName_ThrowsWithKnownNames()
    {
        var error = Assert.Throws<UnknownArchitectureException>(() => ArchitectureRegistry.Defaults("edsr", 4));

        Assert.Contains("srresnet", error.Message);
    }

    [Fact]
    public void SrResNet_SeedConfig_HasSeedParameterCount()
    {
        // The tutorial's SRResNet (9/3/9 kernels, 64 channels, 16 blocks, x4) has 1,549,462 trainable parameters.
        using SrNetwork network = ArchitectureRegistry.Create(ArchitectureRegistry.Defaults("srresnet", 4));

        Assert.Equal(1_549_462, network.ParameterCount);
    }
}

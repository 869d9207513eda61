using RealtimeSR.Shared.Inference;
using Xunit;

namespace RealtimeSR.Tests.Inference;

public sealed class SrSessionOptionsTests
{
    [Fact]
    public void Constructor_NoValues_DefaultsToAutoWholeFrameSpinningAllOptimisations()
    {
        var options = new SrSessionOptions();

        Assert.Equal(ExecutionProvider.Auto, options.ExecutionProvider);
        Assert.Equal(0, options.Tile);
        Assert.Equal(0, options.IntraOpThreads);
        Assert.True(options.AllowSpinning);
        Assert.Equal(Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL, options.OptimizationLevel);
        options.Validate();
    }

    [Theory]
    [InlineData(8, 4)]
    [InlineData(7, 4)]
    [InlineData(-1, 0)]
    [InlineData(16, -1)]
    public void Validate_BadTiling_ThrowsNamingValue(int tile, int overlap)
    {
        var options = new SrSessionOptions { Tile = tile, TileOverlap = overlap };

        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }

    [Fact]
    public void Validate_NegativeThreads_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(new SrSessionOptions { IntraOpThreads = -1 }.Validate);
    }
}

using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Tests.Onnx;

namespace RealtimeSR.Tests.Diagnostics;

public class ModelFlopsTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void PerInputPixel_TinyNetwork_CountsConvMultiplyAddsAndBias(int scale)
    {
        var model = TestModels.SuperResolution(TinySrWeights.Random(scale));
        int outChannels = 3 * scale * scale;

        double flops = ModelFlops.PerInputPixel(model);

        // Conv 3x3 from 3 channels: 2 FLOPs per multiply-add, plus one bias add per output value; DepthToSpace is free.
        Assert.Equal(2.0 * outChannels * 3 * 3 * 3 + outChannels, flops);
    }
}

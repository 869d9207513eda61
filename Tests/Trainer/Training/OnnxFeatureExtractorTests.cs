using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Trainer.Training;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Training;

public class OnnxFeatureExtractorTests
{
    private const int Height = 75;
    private const int Width = 61;

    /// <summary>The tensor the tests cut at, and one after it that needs an operator the extractor does not run.</summary>
    public const string FeaturesName = "features";
    private const string PooledName = "pooled";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Forward_ResNetStyleGraph_MatchesOnnxRuntime(bool caffeBgr)
    {
        var convention = caffeBgr ? FeatureInputConvention.CaffeBgr : FeatureInputConvention.ImageNet;
        using var temp = new TempFolder();
        string path = temp.File("features.onnx");
        File.WriteAllBytes(path, ResNetStyleModel());
        float[] rgb = Picture();

        float[] expected = RunOnnxRuntime(path, Converted(rgb, convention));
        float[] actual;
        using (var extractor = OnnxFeatureExtractor.Load(path, FeaturesName, convention, CPU))
        using (var input = tensor(rgb, [1, 3, Height, Width]))
        using (var features = extractor.Forward(input))
        {
            actual = features.data<float>().ToArray();
        }

        Assert.Equal(expected.Length, actual.Length);
        float scale = expected.Max(MathF.Abs);
        float worst = expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
        Assert.True(worst <= 1e-4f * scale, $"largest difference {worst} against values up to {scale}");
    }

    [Fact]
    public void Forward_InputThatNeedsGradients_GetsThem()
    {
        using var temp = new TempFolder();
        string path = temp.File("features.onnx");
        File.WriteAllBytes(path, ResNetStyleModel());
        using var extractor = OnnxFeatureExtractor.Load(path, FeaturesName, FeatureInputConvention.ImageNet, CPU);
        using var input = tensor(Picture(), [1, 3, Height, Width]).requires_grad_();

        using (var features = extractor.Forward(input))
        using (var loss = features.mul(features).mean())
        {
            loss.backward();
        }

        Assert.True(input.grad is { } grad && grad.abs().sum().item<float>() > 0, "no gradient reached the input");
    }

    [Fact]
    public void Load_UnsupportedNodeBeforeTheCut_NamesTheNode()
    {
        using var temp = new TempFolder();
        string path = temp.File("features.onnx");
        File.WriteAllBytes(path, ResNetStyleModel());

        var error = Assert.Throws<ModelFileException>(() => OnnxFeatureExtractor.Load(path, PooledName, FeatureInputConvention.ImageNet, CPU));

        Assert.Contains("GlobalAveragePool", error.Message);
        Assert.Contains(PooledName, error.Message);
    }

    [Fact]
    public void Load_UnknownTensorOrMissingFile_SaysWhich()
    {
        using var temp = new TempFolder();
        string path = temp.File("features.onnx");
        File.WriteAllBytes(path, ResNetStyleModel());

        var unknown = Assert.Throws<ModelFileException>(() => OnnxFeatureExtractor.Load(path, "conv5_4", FeatureInputConvention.ImageNet, CPU));
        var missing = Assert.Throws<ModelFileException>(() => OnnxFeatureExtractor.Load(temp.File("none.onnx"), FeaturesName, FeatureInputConvention.ImageNet, CPU));

        Assert.Contains("'conv5_4'", unknown.Message);
        Assert.Contains("none.onnx", missing.Message);
    }

    [Theory]
    [InlineData("auto_pad")]
    [InlineData("ceil_mode")]
    public void Load_PaddingItCannotReproduce_NamesTheNode(string attribute)
    {
        using var temp = new TempFolder();
        string path = temp.File("pool.onnx");
        var b = new OnnxGraphBuilder();
        b.AddInput("picture", Shared.Onnx.Proto.TensorProto.Types.DataType.Float, 1, 3, "h", "w");
        b.AddNode("MaxPool", ["picture"], ["pooled"], "pool", attribute == "auto_pad"
            ? [OnnxAttribute.Ints("kernel_shape", 3, 3), OnnxAttribute.String("auto_pad", "SAME_UPPER")]
            : [OnnxAttribute.Ints("kernel_shape", 3, 3), OnnxAttribute.Ints("pads", 1, 1, 0, 0), OnnxAttribute.Int("ceil_mode", 1)]);
        b.AddOutput("pooled", Shared.Onnx.Proto.TensorProto.Types.DataType.Float, 1, 3, "ph", "pw");
        b.WriteTo(path);

        var error = Assert.Throws<ModelFileException>(() => OnnxFeatureExtractor.Load(path, "pooled", FeatureInputConvention.ImageNet, CPU));

        Assert.Contains("'pool'", error.Message);
        Assert.Contains(attribute == "auto_pad" ? "SAME_UPPER" : "ceil_mode", error.Message);
    }

    /// <summary>
    /// A small graph with what pretrained classifiers contain before their features: an in-graph constant shift, a
    /// 7×7 stride-2 convolution with uneven padding (CNTK's "same"), batch norm, an unevenly padded max pool, a
    /// residual block, a strided 1×1/3×3 pair joined by Concat, a tall grouped dilated convolution, a ceil-mode pool, a
    /// scale; then a global pool the extractor does not run.
    /// </summary>
    public static byte[] ResNetStyleModel()
    {
        var random = new Random(7);
        var b = new OnnxGraphBuilder();
        b.AddInput("picture", Shared.Onnx.Proto.TensorProto.Types.DataType.Float, OnnxDim.Fixed(1), OnnxDim.Fixed(3), OnnxDim.Named("h"), OnnxDim.Named("w"));

        string Weights(string name, params long[] dims)
        {
            long count = dims.Aggregate(1L, (a, d) => a * d);
            float fanIn = dims.Length == 4 ? dims[1] * dims[2] * dims[3] : 1;
            float[] values = Enumerable.Range(0, (int)count).Select(_ => (float)(random.NextDouble() - 0.5) * 2 / MathF.Sqrt(fanIn)).ToArray();
            return b.AddFloatInitializer(name, dims, values);
        }

        string BatchNorm(string x, string name, int channels)
        {
            string gamma = b.AddFloatInitializer(name + ".gamma", [channels], Enumerable.Range(0, channels).Select(_ => 0.5f + (float)random.NextDouble()).ToArray());
            string beta = Weights(name + ".beta", channels);
            string mean = Weights(name + ".mean", channels);
            string variance = b.AddFloatInitializer(name + ".var", [channels], Enumerable.Range(0, channels).Select(_ => 0.2f + (float)random.NextDouble()).ToArray());
            return b.AddNode("BatchNormalization", [x, gamma, beta, mean, variance], [name], attributes: OnnxAttribute.Float("epsilon", 1e-5f));
        }

        string Conv(string x, string name, int inC, int outC, int k, int stride, long[] pads, bool bias = false) =>
            b.AddNode("Conv", bias ? [x, Weights(name + ".w", outC, inC, k, k), Weights(name + ".b", outC)] : [x, Weights(name + ".w", outC, inC, k, k)], [name],
                attributes: [OnnxAttribute.Ints("kernel_shape", k, k), OnnxAttribute.Ints("strides", stride, stride), OnnxAttribute.Ints("pads", pads)]);

        // Pads are [top, left, bottom, right]: every padded node below pads rows and columns differently, so that
        // mixing up the two axes or the two ends changes the result.

        var shift = new Shared.Onnx.Proto.TensorProto { DataType = (int)Shared.Onnx.Proto.TensorProto.Types.DataType.Float, Dims = { 1, 3, 1, 1 }, FloatData = { 0.1f, -0.2f, 0.3f } };
        b.AddNode("Constant", [], ["shift"], attributes: new Shared.Onnx.Proto.AttributeProto { Name = "value", Type = Shared.Onnx.Proto.AttributeProto.Types.AttributeType.Tensor, T = shift });
        string x = b.AddNode("Sub", ["picture", "shift"], ["shifted"]);
        x = Conv(x, "stem", 3, 8, 7, 2, [3, 2, 2, 3], bias: true);
        x = b.AddNode("Relu", [BatchNorm(x, "stem.bn", 8)], ["stem.relu"]);
        string pooled = b.AddNode("MaxPool", [x], ["stem.pool"],
            attributes: [OnnxAttribute.Ints("kernel_shape", 3, 3), OnnxAttribute.Ints("strides", 2, 2), OnnxAttribute.Ints("pads", 1, 0, 0, 1)]);
        x = b.AddNode("Relu", [BatchNorm(Conv(pooled, "block.conv1", 8, 8, 3, 1, [1, 1, 1, 1]), "block.bn1", 8)], ["block.relu1"]);
        x = BatchNorm(Conv(x, "block.conv2", 8, 8, 3, 1, [1, 1, 1, 1]), "block.bn2", 8);
        x = b.AddNode("Relu", [b.AddNode("Add", [x, pooled], ["block.add"])], ["block.out"]);
        string narrow = Conv(x, "down.1x1", 8, 4, 1, 2, [0, 0, 0, 0]);
        string wide = Conv(x, "down.3x3", 8, 4, 3, 2, [1, 1, 1, 1]);
        x = b.AddNode("Concat", [narrow, wide], ["down.cat"], attributes: OnnxAttribute.Int("axis", 1));
        x = b.AddNode("Conv", [x, Weights("tall.w", 8, 4, 3, 1)], ["tall"], attributes:
            [OnnxAttribute.Ints("kernel_shape", 3, 1), OnnxAttribute.Ints("strides", 2, 1), OnnxAttribute.Ints("pads", 1, 0, 1, 0),
             OnnxAttribute.Ints("dilations", 2, 1), OnnxAttribute.Int("group", 2)]);
        x = b.AddNode("MaxPool", [x], ["tall.pool"], attributes:
            [OnnxAttribute.Ints("kernel_shape", 3, 3), OnnxAttribute.Ints("strides", 2, 2), OnnxAttribute.Ints("pads", 1, 1, 1, 1), OnnxAttribute.Int("ceil_mode", 1)]);
        x = b.AddNode("Mul", [x, Weights("down.scale", 1, 8, 1, 1)], [FeaturesName]);
        b.AddNode("GlobalAveragePool", [x], [PooledName]);
        b.AddOutput(FeaturesName, Shared.Onnx.Proto.TensorProto.Types.DataType.Float, OnnxDim.Fixed(1), OnnxDim.Fixed(8), OnnxDim.Named("fh"), OnnxDim.Named("fw"));
        b.AddOutput(PooledName, Shared.Onnx.Proto.TensorProto.Types.DataType.Float, OnnxDim.Fixed(1), OnnxDim.Fixed(8), OnnxDim.Fixed(1), OnnxDim.Fixed(1));
        return b.ToBytes();
    }

    private static float[] Picture()
    {
        var random = new Random(3);
        return Enumerable.Range(0, 3 * Height * Width).Select(_ => (float)random.NextDouble()).ToArray();
    }

    /// <summary>What each convention feeds the network, written out independently of the extractor.</summary>
    private static float[] Converted(float[] rgb, FeatureInputConvention convention)
    {
        int plane = Height * Width;
        var converted = new float[rgb.Length];
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < plane; i++)
            {
                converted[c * plane + i] = convention == FeatureInputConvention.ImageNet
                    ? (rgb[c * plane + i] - new[] { 0.485f, 0.456f, 0.406f }[c]) / new[] { 0.229f, 0.224f, 0.225f }[c]
                    : rgb[(2 - c) * plane + i] * 255 - new[] { 103.939f, 116.779f, 123.68f }[c];
            }
        }

        return converted;
    }

    private static float[] RunOnnxRuntime(string path, float[] picture)
    {
        using var session = new InferenceSession(path);
        using var input = OrtValue.CreateTensorValueFromMemory(picture, [1, 3, Height, Width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["picture"], [input], [FeaturesName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}

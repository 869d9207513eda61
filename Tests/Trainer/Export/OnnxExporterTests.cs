using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Tests.Trainer.Models;
using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Export;

[Collection(TorchRandomCollection.Name)]
public class OnnxExporterTests
{
    [Theory]
    [MemberData(nameof(TinyNetworks.EveryArchitecture), MemberType = typeof(TinyNetworks))]
    public void Export_TinyNetwork_OnnxMatchesTorchWithinTolerance(string arch, int scale)
    {
        manual_seed(11);
        using SrNetwork network = TinyNetworks.Create(arch, scale);
        RandomiseBatchNormStatistics(network);
        var card = new ModelCard { Architecture = arch, Scale = scale, ParameterCount = network.ParameterCount };

        byte[] onnx = OnnxExporter.Build(network, card).ToBytes();
        double difference = ExportParity.Check(network, onnx, $"{arch}.onnx");

        Assert.InRange(difference, 0, ExportParity.Tolerance);
        using var session = new SrSession(onnx, $"{arch}.onnx", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        Assert.Equal(scale, session.Scale);
        Assert.Equal(17, session.Opset);
        Assert.Equal(card, session.Card);
    }

    [Theory]
    [InlineData(2, 48, 64)]
    [InlineData(2, 33, 47)]
    [InlineData(4, 25, 18)]
    public void Export_FoldedRealtimeNet_OnnxMatchesTorchAtEvenAndOddSizes(int scale, int height, int width)
    {
        manual_seed(12);
        using SrNetwork network = ArchitectureRegistry.Create(new NetworkOptions("realtime", scale, Channels: 8, Blocks: 2, Fold: 2));

        byte[] onnx = OnnxExporter.Build(network, new ModelCard { Scale = scale }).ToBytes();
        double difference = ExportParity.Check(network, onnx, "folded.onnx", height, width);

        Assert.InRange(difference, 0, ExportParity.Tolerance);
    }

    [Fact]
    public void Check_GraphThatComputesSomethingElse_ThrowsParityError()
    {
        manual_seed(2);
        using SrNetwork exported = ArchitectureRegistry.Create(new NetworkOptions("espcn", 2, 8, 0));
        using SrNetwork other = ArchitectureRegistry.Create(new NetworkOptions("espcn", 2, 8, 0));
        byte[] onnx = OnnxExporter.Build(exported, new ModelCard { Scale = 2 }).ToBytes();

        var error = Assert.Throws<ExportParityException>(() => ExportParity.Check(other, onnx, "wrong.onnx"));

        Assert.Contains("wrong.onnx", error.Message);
    }

    [Fact]
    public void Export_HalfWeights_StoresEveryConvWeightAsFloat16AndStaysCloseToFloat32()
    {
        manual_seed(13);
        using SrNetwork network = TinyNetworks.Create(SrResNet.ArchitectureName, 4);
        RandomiseBatchNormStatistics(network);
        var card = new ModelCard { Scale = 4 };

        ModelProto full = OnnxExporter.Build(network, card).Build();
        ModelProto half = OnnxExporter.Build(network, card, WeightStorage.Float16).Build();
        double moved = ExportParity.CheckHalfWeights(OnnxModelFile.ToBytes(full), OnnxModelFile.ToBytes(half), "half.onnx");

        var initializers = half.Graph.Initializer.ToDictionary(t => t.Name);
        var casts = half.Graph.Node.Where(n => n.OpType == "Cast").ToDictionary(n => n.Output[0]);
        var convolutions = half.Graph.Node.Where(n => n.OpType == "Conv").ToList();
        Assert.Equal(full.Graph.Node.Count(n => n.OpType == "Conv"), convolutions.Count);
        Assert.All(convolutions, conv => Assert.Equal((int)TensorProto.Types.DataType.Float16, initializers[casts[conv.Input[1]].Input[0]].DataType));
        Assert.InRange(moved, 1e-7, ExportParity.HalfWeightTolerance); // rounded, but only just
        Assert.Equal(ModelFlops.PerInputPixel(full), ModelFlops.PerInputPixel(half));
        long WeightBytes(ModelProto m) => m.Graph.Initializer.Sum(t => (long)t.RawData.Length);
        Assert.InRange(WeightBytes(half), WeightBytes(full) * 0.45, WeightBytes(full) * 0.6);
    }

    [Fact]
    public void CheckHalfWeights_WeightBeyondFloat16Range_ThrowsParityError()
    {
        manual_seed(14);
        using SrNetwork network = TinyNetworks.Create("realtime", 2);
        using (no_grad())
        {
            network.parameters().First(p => p.dim() == 4).view(-1)[0] = 1e6f; // float16 tops out at 65,504
        }

        byte[] full = OnnxExporter.Build(network, new ModelCard { Scale = 2 }).ToBytes();
        byte[] half = OnnxExporter.Build(network, new ModelCard { Scale = 2 }, WeightStorage.Float16).ToBytes();

        var error = Assert.Throws<ExportParityException>(() => ExportParity.CheckHalfWeights(full, half, "huge.onnx"));

        Assert.StartsWith("huge.onnx: float16 weights move the output", error.Message);
    }

    /// <summary>Fresh batch norms are the identity; give them real statistics so folding them into convs is tested.</summary>
    private static void RandomiseBatchNormStatistics(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar tenth = 0.1f.ToScalar();
        foreach (var (_, child) in module.named_modules())
        {
            if (child is BatchNormalization norm)
            {
                norm.RunningMean.copy_(randn_like(norm.RunningMean).mul_(tenth));
                norm.RunningVariance.copy_(rand_like(norm.RunningVariance).add_(LongLivedScalars.Half, LongLivedScalars.One));
                norm.Weight.copy_(rand_like(norm.Weight).add_(LongLivedScalars.Half, LongLivedScalars.One));
                norm.Bias.copy_(randn_like(norm.Bias).mul_(tenth));
            }
        }
    }
}

using RealtimeSR.Shared.Onnx;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Models;
using RealtimeSR.Trainer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Training;

[Collection(TorchRandomCollection.Name)]
public class WeightTransferTests
{
    [Fact]
    public void Apply_DeeperRealtimeNet_StartsWithTheCheckpointsOutput()
    {
        using var temp = new TempFolder();
        using SrNetwork shallow = Realtime(blocks: 2);
        string checkpoint = Save(temp, shallow);
        using SrNetwork deep = Realtime(blocks: 4);

        string line = WeightTransfer.Apply(deep, checkpoint);

        Assert.Contains("2 new layers start as identity", line);
        AssertSameOutput(shallow, deep);
    }

    [Fact]
    public void Apply_SameConfiguration_CopiesEveryWeight()
    {
        using var temp = new TempFolder();
        using SrNetwork trained = Realtime(blocks: 3);
        string checkpoint = Save(temp, trained);
        using SrNetwork fresh = Realtime(blocks: 3);

        string line = WeightTransfer.Apply(fresh, checkpoint);

        Assert.Contains("0 new layers start as identity, 0 tensors freshly initialised", line);
        AssertSameOutput(trained, fresh);
    }

    [Theory]
    [InlineData("espcn", 4)]
    [InlineData("realtime", 2)]
    public void Apply_OtherArchitectureOrScale_RefusesClearly(string arch, int scale)
    {
        using var temp = new TempFolder();
        using SrNetwork trained = Realtime(blocks: 2);
        string checkpoint = Save(temp, trained);
        using SrNetwork other = ArchitectureRegistry.Create(new NetworkOptions(arch, scale, Channels: 8, Blocks: 2));

        var error = Assert.Throws<CheckpointException>(() => WeightTransfer.Apply(other, checkpoint));

        Assert.Contains("--init-from needs the same architecture and scale", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Apply_ExportedOnnxModel_ReadsItsWeightsBack(int fold)
    {
        using var temp = new TempFolder();
        using SrNetwork trained = Realtime(blocks: 3, fold);
        string model = Export(temp, trained, WeightStorage.Float32);
        using SrNetwork fresh = Realtime(blocks: 3, fold);

        string line = WeightTransfer.Apply(fresh, model);

        Assert.Contains("4 convolutions read back from the ONNX model", line);
        AssertSameOutput(trained, fresh, tolerance: 1e-5);
    }

    [Fact]
    public void Apply_OnnxModelOfOtherSize_RefusesClearly()
    {
        using var temp = new TempFolder();
        using SrNetwork trained = Realtime(blocks: 2);
        string model = Export(temp, trained, WeightStorage.Float32);
        using SrNetwork wider = ArchitectureRegistry.Create(new NetworkOptions(RealtimeCore.ArchitectureName, 4, Channels: 12, Blocks: 2));

        var error = Assert.Throws<CheckpointException>(() => WeightTransfer.Apply(wider, model));

        Assert.Contains("has no convolution of shape [12, 1, 3, 3]", error.Message);
    }

    [Fact]
    public void Apply_Float16OnnxModel_RefusesClearly()
    {
        using var temp = new TempFolder();
        using SrNetwork trained = Realtime(blocks: 2);
        string model = Export(temp, trained, WeightStorage.Float16);
        using SrNetwork fresh = Realtime(blocks: 2);

        var error = Assert.Throws<CheckpointException>(() => WeightTransfer.Apply(fresh, model));

        Assert.Contains("float16 weights", error.Message);
    }

    private static SrNetwork Realtime(int blocks, int fold = 1) =>
        ArchitectureRegistry.Create(new NetworkOptions(RealtimeCore.ArchitectureName, 4, Channels: 8, Blocks: blocks, Fold: fold));

    private static string Export(TempFolder temp, SrNetwork network, WeightStorage weights)
    {
        string path = temp.File("model.onnx");
        var card = new ModelCard { Architecture = network.Options.Architecture, Scale = network.Scale, TrainingSteps = 7 };
        File.WriteAllBytes(path, OnnxExporter.Build(network, card, weights).ToBytes());
        return path;
    }

    private static string Save(TempFolder temp, SrNetwork network)
    {
        string path = temp.File("ckpt.pt");
        var options = new TrainOptions { Network = network.Options, Method = network.Options.Architecture, TrainFolders = [] };
        using var optimizer = new AdamOptimizer(network.parameters(), 1e-3);
        Checkpoint.Save(path, new CheckpointState { Options = options, Step = 7 }, network, optimizer);
        return path;
    }

    private static void AssertSameOutput(SrNetwork expected, SrNetwork actual, double tolerance = 1e-6)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        expected.eval();
        actual.eval();
        Tensor input = rand(1, 3, 13, 11, generator: new Generator(3));
        double difference = (expected.forward(input) - actual.forward(input)).abs().max().item<float>();
        Assert.True(difference <= tolerance, $"outputs differ by {difference}");
    }
}

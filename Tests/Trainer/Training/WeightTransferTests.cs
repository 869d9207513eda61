using RealtimeSR.Tests.Imaging;
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

    private static SrNetwork Realtime(int blocks) =>
        ArchitectureRegistry.Create(new NetworkOptions(RealtimeCore.ArchitectureName, 4, Channels: 8, Blocks: blocks));

    private static string Save(TempFolder temp, SrNetwork network)
    {
        string path = temp.File("ckpt.pt");
        var options = new TrainOptions { Network = network.Options, Method = network.Options.Architecture, TrainFolders = [] };
        using var optimizer = new AdamOptimizer(network.parameters(), 1e-3);
        Checkpoint.Save(path, new CheckpointState { Options = options, Step = 7 }, network, optimizer);
        return path;
    }

    private static void AssertSameOutput(SrNetwork expected, SrNetwork actual)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        expected.eval();
        actual.eval();
        Tensor input = rand(1, 3, 13, 11, generator: new Generator(3));
        double difference = (expected.forward(input) - actual.forward(input)).abs().max().item<float>();
        Assert.True(difference <= 1e-6, $"outputs differ by {difference}");
    }
}

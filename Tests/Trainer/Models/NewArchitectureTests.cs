using RealtimeSR.Shared.Onnx;
using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Models;

/// <summary>
/// A new architecture is one file plus its registration: this file is the whole of one (a single 3×3 conv to
/// scale² sub-pixel phases on luma), and the trainer's registry, networks and ONNX export take it as it is.
/// </summary>
[Collection(TorchRandomCollection.Name)]
public class NewArchitectureTests
{
    [Fact]
    public void Register_OneFileArchitecture_BuildsRunsAndExportsWithParity()
    {
        ArchitectureRegistry.Register(OneConvCore.Architecture);
        manual_seed(3);

        using SrNetwork network = ArchitectureRegistry.Create(ArchitectureRegistry.Defaults(OneConvCore.ArchitectureName, 3));
        using Tensor sr = network.forward(rand(1, 3, 10, 12));
        byte[] onnx = OnnxExporter.Build(network, new ModelCard { Architecture = OneConvCore.ArchitectureName, Scale = 3, ParameterCount = network.ParameterCount }).ToBytes();

        Assert.Contains(OneConvCore.ArchitectureName, ArchitectureRegistry.Names);
        Assert.Equal([1L, 3, 30, 36], sr.shape);
        Assert.InRange(ExportParity.Check(network, onnx, "one-conv.onnx"), 0, ExportParity.Tolerance);
        Assert.Throws<UnsupportedScaleException>(() => ArchitectureRegistry.Create(ArchitectureRegistry.Defaults(OneConvCore.ArchitectureName, 4)));
    }

    /// <summary>The whole architecture: declaration, layers, forward and its ONNX graph.</summary>
    private sealed class OneConvCore : nn.Module<Tensor, Tensor>, ILumaCore
    {
        public const string ArchitectureName = "one-conv-test";

        public static readonly NetworkArchitecture Architecture = new(
            ArchitectureName,
            "a test's one-layer net on luma",
            scale => new NetworkOptions(ArchitectureName, scale, Channels: 2, Blocks: 0),
            options => new LumaNetwork("OneConv", options, new OneConvCore(options.Scale)))
        {
            Scales = [2, 3],
        };

        private readonly Conv2d conv;

        private OneConvCore(int scale)
            : base(nameof(OneConvCore))
        {
            conv = nn.Conv2d(1, scale * scale, 3, padding: 1);
            Scale = scale;
            RegisterComponents();
        }

        public int Scale { get; }

        public nn.Module<Tensor, Tensor> Module => this;

        public override Tensor forward(Tensor input) => nn.functional.pixel_shuffle(conv.forward(input), Scale);

        public string EmitOnnx(GraphEmitter emit, string y) => emit.DepthToSpace(emit.Conv(y, conv), Scale);
    }
}

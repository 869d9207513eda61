using RealtimeSR.Shared;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Tests.Onnx;
using Xunit;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Inference;

public sealed class SrSessionTests(ITestOutputHelper output)
{
    // ORT's float conv against a double-precision reference; sums of 27 products of values below 1.
    private const double Tolerance = 1e-5;

    private static readonly SrSessionOptions Cpu = new() { ExecutionProvider = ExecutionProvider.Cpu };

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_OddSize_MatchesReference(int scale)
    {
        const int height = 13, width = 7;
        var weights = TinySrWeights.Random(scale, seed: scale);
        using var session = new SrSession(TestModels.SuperResolutionBytes(weights, TestModels.Card(scale)), "m.onnx", Cpu);
        var lr = TinySrReference.RandomFrame(height, width, seed: 11);
        var sr = new float[3 * scale * height * scale * width];

        session.Run(lr, height, width, sr);

        var expected = TinySrReference.Run(weights, lr, height, width);
        Assert.InRange(TinySrReference.MaxAbsDifference(sr, expected), 0, Tolerance);
        Assert.Contains(expected, v => v is 0 or 1);
        Assert.All(sr, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Run_SecondFrameSameSize_MatchesReference()
    {
        // The first frame of a size runs unbound (to check the shape); later ones go through the IO binding.
        const int height = 9, width = 10;
        var weights = TinySrWeights.Random(2);
        using var session = new SrSession(TestModels.SuperResolutionBytes(weights, TestModels.Card(2)), "m.onnx", Cpu);
        var sr = new float[session.OutputLength(height, width)];
        session.Run(TinySrReference.RandomFrame(height, width, seed: 1), height, width, sr);
        var lr = TinySrReference.RandomFrame(height, width, seed: 2);

        session.Run(lr, height, width, sr);

        Assert.InRange(TinySrReference.MaxAbsDifference(sr, TinySrReference.Run(weights, lr, height, width)), 0, Tolerance);
    }

    [Fact]
    public void Run_FrameSizeChanges_ReallocatesAndMatchesReference()
    {
        var weights = TinySrWeights.Random(2);
        using var session = new SrSession(TestModels.SuperResolutionBytes(weights, TestModels.Card(2)), "m.onnx", Cpu);

        foreach (var (height, width) in new[] { (13, 7), (13, 7), (5, 11), (5, 11), (13, 7), (1, 1) })
        {
            var lr = TinySrReference.RandomFrame(height, width, seed: height * 100 + width);
            var sr = new float[session.OutputLength(height, width)];

            session.Run(lr, height, width, sr);

            Assert.InRange(TinySrReference.MaxAbsDifference(sr, TinySrReference.Run(weights, lr, height, width)), 0, Tolerance);
        }
    }

    [Theory]
    [InlineData(37, 23, 16, 4)]
    [InlineData(13, 7, 8, 2)]
    [InlineData(40, 9, 16, 1)]
    [InlineData(33, 33, 11, 5)]
    public void Run_Tiled_EqualsUntiled(int height, int width, int tile, int overlap)
    {
        var weights = TinySrWeights.Random(2);
        var model = TestModels.SuperResolutionBytes(weights, TestModels.Card(2));
        using var whole = new SrSession(model, "m.onnx", Cpu);
        using var tiled = new SrSession(model, "m.onnx", Cpu with { Tile = tile, TileOverlap = overlap });
        var lr = TinySrReference.RandomFrame(height, width, seed: 5);
        var expected = new float[whole.OutputLength(height, width)];
        var actual = new float[expected.Length];
        whole.Run(lr, height, width, expected);

        // Twice: the first tile pass checks the shape, the second runs through the binding.
        tiled.Run(lr, height, width, actual);
        Assert.InRange(TinySrReference.MaxAbsDifference(actual, expected), 0, Tolerance);
        Array.Clear(actual);
        tiled.Run(lr, height, width, actual);
        Assert.InRange(TinySrReference.MaxAbsDifference(actual, expected), 0, Tolerance);
    }

    [Fact]
    public void Run_TiledThenSizeChanges_StillEqualsReference()
    {
        var weights = TinySrWeights.Random(2);
        using var session = new SrSession(TestModels.SuperResolutionBytes(weights, TestModels.Card(2)), "m.onnx", Cpu with { Tile = 10, TileOverlap = 2 });

        foreach (var (height, width) in new[] { (31, 17), (8, 25), (6, 6), (31, 17) })
        {
            var lr = TinySrReference.RandomFrame(height, width, seed: height + width);
            var sr = new float[session.OutputLength(height, width)];

            session.Run(lr, height, width, sr);

            Assert.InRange(TinySrReference.MaxAbsDifference(sr, TinySrReference.Run(weights, lr, height, width)), 0, Tolerance);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    public void Run_SteadyState_AllocatesAlmostNothing(int tile)
    {
        const int height = 48, width = 40, runs = 20;
        using var session = new SrSession(TestModels.SuperResolutionBytes(TinySrWeights.Random(2), TestModels.Card(2)), "m.onnx", Cpu with { Tile = tile, TileOverlap = 4 });
        var lr = TinySrReference.RandomFrame(height, width, seed: 1);
        var sr = new float[session.OutputLength(height, width)];
        session.Run(lr, height, width, sr);
        session.Run(lr, height, width, sr);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            session.Run(lr, height, width, sr);
        }

        var perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)runs;
        output.WriteLine($"tile {tile}: {perRun:F1} bytes allocated per run");
        Assert.InRange(perRun, 0, 256);
    }

    [Fact]
    public void Constructor_CardInFile_ReadBackWithScale()
    {
        using var folder = new TempFolder();
        var path = folder.File("card.onnx");
        var card = TestModels.Card(4);
        OnnxModelFile.Write(TestModels.SuperResolution(TinySrWeights.Random(4), card), path);

        using var session = new SrSession(path, Cpu);

        Assert.Equal(card, session.Card);
        Assert.Equal(4, session.Scale);
        Assert.Equal(17, session.Opset);
        Assert.Equal(path, session.Source);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Constructor_ModelWithoutCard_MeasuresScale(int scale)
    {
        using var session = new SrSession(TestModels.SuperResolutionBytes(TinySrWeights.Random(scale)), "m.onnx", Cpu);

        Assert.Null(session.Card);
        Assert.Equal(scale, session.Scale);
    }

    [Fact]
    public void Run_CardScaleDisagreesWithModel_ThrowsContractExceptionNamingShapes()
    {
        // The card says x4, the network is x2.
        using var session = new SrSession(TestModels.SuperResolutionBytes(TinySrWeights.Random(2), TestModels.Card(4)), "m.onnx", Cpu);
        var sr = new float[session.OutputLength(13, 7)];

        var e = Assert.Throws<ModelContractException>(() => session.Run(new float[3 * 13 * 7], 13, 7, sr));

        Assert.Equal("m.onnx: output is 1x3x26x14 for input 1x3x13x7, expected 1x3x52x28 (scale 4 from the model card)", e.Message);
    }

    [Fact]
    public void Constructor_ModelWithUnequalAxisScales_ThrowsContractException()
    {
        // DepthToSpace x2 then a Resize that doubles only the width: output 2H x 4W.
        var builder = new OnnxGraphBuilder();
        builder.AddInput("lr", RealtimeSR.Shared.Onnx.Proto.TensorProto.Types.DataType.Float, "N", 3, "H", "W");
        var scales = builder.AddFloatInitializer("scales", [4], [1f, 1f, 2f, 4f]);
        builder.AddNode("Resize", ["lr", "", scales], ["sr"], attributes: OnnxAttribute.String("mode", "nearest"));
        builder.AddOutput("sr", RealtimeSR.Shared.Onnx.Proto.TensorProto.Types.DataType.Float, "N", 3, "SH", "SW");

        var e = Assert.Throws<ModelContractException>(() => new SrSession(builder.ToBytes(), "m.onnx", Cpu));

        Assert.Equal("m.onnx: output is 1x3x24x64 for input 1x3x12x16, expected 1x3 and the same integer scale (1 or more) on height and width", e.Message);
    }

    [Theory]
    [InlineData(ContractDefect.InputNamedInput, "'input'")]
    [InlineData(ContractDefect.InputRank3, "rank 3")]
    [InlineData(ContractDefect.InputInt64, "INT64")]
    [InlineData(ContractDefect.TwoInputs, "found 2")]
    [InlineData(ContractDefect.Opset11, "opset 11")]
    [InlineData(ContractDefect.InputFourChannels, "4 channels")]
    [InlineData(ContractDefect.OutputNamedOutput, "'output'")]
    public void Constructor_DefectiveModelFile_ThrowsContractExceptionNamingValue(ContractDefect defect, string offending)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.onnx");
        OnnxModelFile.Write(TestModels.SuperResolution(TinySrWeights.Random(2), TestModels.Card(2), defect), path);

        var e = Assert.Throws<ModelContractException>(() => new SrSession(path, Cpu));

        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains(offending, e.Message);
    }

    [Fact]
    public void Constructor_MissingFile_ThrowsReportableNamingFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("missing.onnx");

        var e = Assert.Throws<ModelFileException>(() => new SrSession(path, Cpu));

        Assert.IsAssignableFrom<ReportableException>(e);
        Assert.Equal($"model file not found: {path}", e.Message);
    }

    [Fact]
    public void Constructor_CorruptFile_ThrowsReportableNamingFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("corrupt.onnx");
        var bytes = new byte[1000];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ModelFileException>(() => new SrSession(path, Cpu));

        Assert.StartsWith($"not an ONNX model: {path} (", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Constructor_ModelOrtRejects_ThrowsModelFileExceptionOneLine()
    {
        // Meets the declared contract but uses an operator that does not exist.
        var builder = new OnnxGraphBuilder();
        builder.AddInput("lr", RealtimeSR.Shared.Onnx.Proto.TensorProto.Types.DataType.Float, "N", 3, "H", "W");
        builder.AddNode("NoSuchOperator", ["lr"], ["sr"]);
        builder.AddOutput("sr", RealtimeSR.Shared.Onnx.Proto.TensorProto.Types.DataType.Float, "N", 3, "SH", "SW");

        var e = Assert.Throws<ModelFileException>(() => new SrSession(builder.ToBytes(), "m.onnx", Cpu));

        output.WriteLine(e.Message);
        Assert.StartsWith("ONNX Runtime cannot load the model: m.onnx (", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Run_WrongBufferLengths_ThrowArgumentException()
    {
        using var session = new SrSession(TestModels.SuperResolutionBytes(TinySrWeights.Random(2), TestModels.Card(2)), "m.onnx", Cpu);

        Assert.Throws<ArgumentException>(() => session.Run(new float[3 * 4 * 4 - 1], 4, 4, new float[3 * 8 * 8]));
        Assert.Throws<ArgumentException>(() => session.Run(new float[3 * 4 * 4], 4, 4, new float[3 * 8 * 8 + 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Run([], 0, 4, []));
    }

    [Fact]
    public void Run_AfterDispose_ThrowsObjectDisposed()
    {
        var session = new SrSession(TestModels.SuperResolutionBytes(TinySrWeights.Random(2), TestModels.Card(2)), "m.onnx", Cpu);
        session.Run(new float[3 * 4 * 4], 4, 4, new float[3 * 8 * 8]);

        session.Dispose();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run(new float[3 * 4 * 4], 4, 4, new float[3 * 8 * 8]));
    }
}

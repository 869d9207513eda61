using System.Buffers.Binary;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using Xunit;

namespace RealtimeSR.Tests.Onnx;

public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void AddFloatInitializer_Values_StoredAsLittleEndianRawData()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddFloatInitializer("w", [2, 2], [1f, -2.5f, 0f, float.MaxValue]);

        var tensor = Assert.Single(builder.Build().Graph.Initializer);

        Assert.Equal([2L, 2L], tensor.Dims);
        Assert.Equal((int)TensorProto.Types.DataType.Float, tensor.DataType);
        var raw = tensor.RawData.Span;
        Assert.Equal(16, raw.Length);
        Assert.Equal(-2.5f, BinaryPrimitives.ReadSingleLittleEndian(raw[4..]));
        Assert.Equal(float.MaxValue, BinaryPrimitives.ReadSingleLittleEndian(raw[12..]));
    }

    [Fact]
    public void AddInt64Initializer_Values_StoredAsLittleEndianRawData()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddInt64Initializer("shape", [3], [1, -1, 1L << 40]);

        var tensor = Assert.Single(builder.Build().Graph.Initializer);

        Assert.Equal((int)TensorProto.Types.DataType.Int64, tensor.DataType);
        Assert.Equal(1L << 40, BinaryPrimitives.ReadInt64LittleEndian(tensor.RawData.Span[16..]));
    }

    [Fact]
    public void AddFloatInitializer_WrongValueCount_ThrowsNamingShape()
    {
        var builder = new OnnxGraphBuilder();

        var e = Assert.Throws<ArgumentException>(() => builder.AddFloatInitializer("w", [2, 3], new float[5]));

        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void AddFloatInitializer_DuplicateName_Throws()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddFloatInitializer("w", [1], [1f]);

        var e = Assert.Throws<ArgumentException>(() => builder.AddFloatInitializer("w", [1], [2f]));

        Assert.Contains("'w'", e.Message);
    }

    [Fact]
    public void AddNode_DuplicateNodeName_Throws()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddInput("x", TensorProto.Types.DataType.Float, 1);
        builder.AddNode("Relu", ["x"], ["y"], "act");

        var e = Assert.Throws<ArgumentException>(() => builder.AddNode("Relu", ["y"], ["z"], "act"));

        Assert.Contains("'act'", e.Message);
    }

    [Fact]
    public void AddNode_OutputAlreadyDefined_Throws()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddInput("x", TensorProto.Types.DataType.Float, 1);

        Assert.Throws<ArgumentException>(() => builder.AddNode("Relu", ["x"], ["x"]));
    }

    [Fact]
    public void AddNode_UndefinedInput_Throws()
    {
        var builder = new OnnxGraphBuilder();

        var e = Assert.Throws<ArgumentException>(() => builder.AddNode("Relu", ["nowhere"], ["y"]));

        Assert.Contains("'nowhere'", e.Message);
    }

    [Fact]
    public void AddNode_NoName_GetsUniqueNames()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddInput("x", TensorProto.Types.DataType.Float, 1);
        builder.AddNode("Relu", ["x"], ["y"]);
        builder.AddNode("Relu", ["y"], ["z"]);

        var names = builder.Build().Graph.Node.Select(n => n.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Build_OutputNotProduced_Throws()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddOutput("y", TensorProto.Types.DataType.Float, 1);

        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void AddMetadata_DuplicateKey_Throws()
    {
        var builder = new OnnxGraphBuilder();
        builder.AddMetadata("k", "1");

        Assert.Throws<ArgumentException>(() => builder.AddMetadata("k", "2"));
    }

    [Fact]
    public void ToBytes_FullModel_ParsesBackWithEverything()
    {
        var builder = new OnnxGraphBuilder("g") { ProducerName = "p", ProducerVersion = "1.2" };
        builder.SetOpset(18).SetOpset(1, "com.example");
        builder.AddInput("x", TensorProto.Types.DataType.Float, "N", 3, "H", "W");
        builder.AddNode(
            "LeakyRelu", ["x"], ["y"], "act",
            OnnxAttribute.Float("alpha", 0.25f),
            OnnxAttribute.Floats("f", 1f, 2f),
            OnnxAttribute.Ints("i", 4, 5),
            OnnxAttribute.Int("n", 7),
            OnnxAttribute.String("s", "CRD"));
        builder.AddOutput("y", TensorProto.Types.DataType.Float, "N", 3, "H", "W");
        builder.AddMetadata("a", "b");

        var model = OnnxModelFile.Parse(builder.ToBytes(), "test");

        Assert.Equal(8, model.IrVersion);
        Assert.Equal("p", model.ProducerName);
        Assert.Equal("1.2", model.ProducerVersion);
        Assert.Contains(model.OpsetImport, o => o.Domain == "" && o.Version == 18);
        Assert.Contains(model.OpsetImport, o => o.Domain == "com.example" && o.Version == 1);
        var dims = model.Graph.Input[0].Type.TensorType.Shape.Dim;
        Assert.Equal("N", dims[0].DimParam);
        Assert.Equal(3, dims[1].DimValue);
        var attributes = model.Graph.Node[0].Attribute.ToDictionary(a => a.Name);
        Assert.Equal(0.25f, attributes["alpha"].F);
        Assert.Equal([1f, 2f], attributes["f"].Floats);
        Assert.Equal([4L, 5L], attributes["i"].Ints);
        Assert.Equal(7, attributes["n"].I);
        Assert.Equal("CRD", attributes["s"].S.ToStringUtf8());
        Assert.Equal(AttributeProto.Types.AttributeType.String, attributes["s"].Type);
        Assert.Equal("b", Assert.Single(model.MetadataProps).Value);
    }

    [Fact]
    public void WriteTo_ExistingFile_ReplacedWithNoTempLeft()
    {
        using var folder = new TempFolder();
        var path = folder.File("model.onnx");
        File.WriteAllText(path, "old");
        var builder = new OnnxGraphBuilder();
        builder.AddInput("x", TensorProto.Types.DataType.Float, 1);
        builder.AddOutput("x", TensorProto.Types.DataType.Float, 1);

        builder.WriteTo(path);

        Assert.Equal(builder.ToBytes(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }
}

using RealtimeSR.Shared;
using RealtimeSR.Shared.Onnx;
using Xunit;

namespace RealtimeSR.Tests.Onnx;

public sealed class OnnxModelFileTests
{
    [Fact]
    public void Read_MissingFile_ThrowsOneLineNamingPath()
    {
        using var folder = new TempFolder();
        var path = folder.File("missing.onnx");

        var e = Assert.Throws<ModelFileException>(() => OnnxModelFile.Read(path));

        Assert.Equal($"model file not found: {path}", e.Message);
        Assert.IsAssignableFrom<ReportableException>(e);
    }

    [Fact]
    public void Read_MissingFolder_ThrowsNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rtsr-no-such-{Guid.NewGuid():N}", "m.onnx");

        var e = Assert.Throws<ModelFileException>(() => OnnxModelFile.Read(path));

        Assert.StartsWith("model file not found: ", e.Message);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("text")]
    [InlineData("empty")]
    public void Read_NotOnnxBytes_ThrowsOneLineNamingPath(string kind)
    {
        using var folder = new TempFolder();
        var path = folder.File("corrupt.onnx");
        var bytes = kind switch
        {
            "random" => RandomBytes(4096),
            "text" => "hello, this is not a model\nsecond line\n"u8.ToArray(),
            _ => [],
        };
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ModelFileException>(() => OnnxModelFile.Read(path));

        Assert.StartsWith($"not an ONNX model: {path} (", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_TruncatedModel_ThrowsNotOnnx()
    {
        using var folder = new TempFolder();
        var path = folder.File("truncated.onnx");
        var bytes = TestModels.SuperResolutionBytes(TinySrWeights.Random(2));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<ModelFileException>(() => OnnxModelFile.Read(path));

        Assert.StartsWith($"not an ONNX model: {path}", e.Message);
    }

    [Fact]
    public void Write_ThenRead_SameModel()
    {
        using var folder = new TempFolder();
        var path = folder.File("m.onnx");
        var model = TestModels.SuperResolution(TinySrWeights.Random(2), TestModels.Card(2));

        OnnxModelFile.Write(model, path);

        Assert.Equal(model, OnnxModelFile.Read(path));
    }

    [Fact]
    public void Write_MissingFolder_ThrowsNamingPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rtsr-no-such-{Guid.NewGuid():N}", "m.onnx");

        var e = Assert.Throws<ModelFileException>(() => OnnxModelFile.Write(TestModels.SuperResolution(TinySrWeights.Random(2)), path));

        Assert.StartsWith($"cannot write model file: {path} (", e.Message);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}

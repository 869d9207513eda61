using RealtimeSR.Shared.Onnx;
using Xunit;

namespace RealtimeSR.Tests.Onnx;

public sealed class ModelCardTests
{
    [Fact]
    public void FromMetadata_ToMetadataOfFullCard_RoundTrips()
    {
        var card = TestModels.Card(4) with { Metrics = new Dictionary<string, double> { ["Set5_x4_psnr"] = 0.1 + 0.2, ["nan"] = double.NaN } };

        var back = ModelCard.FromMetadata(card.ToMetadata());

        Assert.Equal(card, back);
        Assert.Equal(0.1 + 0.2, back!.Metrics["Set5_x4_psnr"]);
    }

    [Fact]
    public void ToMetadata_FullCard_UsesPrefixedKeys()
    {
        var metadata = TestModels.Card(2).ToMetadata().ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal("2", metadata["rtsr.scale"]);
        Assert.Equal("tiny-conv3x3-d2s", metadata["rtsr.arch"]);
        Assert.Equal("12.5", metadata["rtsr.metric.Set5_x2_psnr"]);
        Assert.Equal("1", metadata["rtsr.extra.seed"]);
        Assert.All(metadata.Keys, k => Assert.StartsWith("rtsr.", k));
    }

    [Fact]
    public void ToMetadata_UnsetFields_LeftOut()
    {
        var metadata = new ModelCard { Scale = 3 }.ToMetadata();

        Assert.Equal([new KeyValuePair<string, string>("rtsr.scale", "3")], metadata);
    }

    [Fact]
    public void FromMetadata_NoRtsrKeys_ReturnsNull()
    {
        Assert.Null(ModelCard.FromMetadata([new("producer_note", "x")]));
        Assert.Null(ModelCard.FromMetadata([]));
    }

    [Fact]
    public void FromMetadata_OtherToolsKeys_Ignored()
    {
        var card = ModelCard.FromMetadata([new("rtsr.scale", "2"), new("author", "someone"), new("rtsr.future_field", "x")]);

        Assert.Equal(new ModelCard { Scale = 2 }, card);
    }

    [Theory]
    [InlineData("four")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("2.5")]
    public void FromMetadata_BadScale_ThrowsNamingValue(string value)
    {
        var e = Assert.Throws<ModelContractException>(() => ModelCard.FromMetadata([new("rtsr.scale", value)], "m.onnx"));

        Assert.Equal($"m.onnx: rtsr.scale is '{value}', expected a positive integer", e.Message);
    }

    [Fact]
    public void FromMetadata_BadMetric_ThrowsNamingKey()
    {
        var e = Assert.Throws<ModelContractException>(() => ModelCard.FromMetadata([new("rtsr.metric.Set5_x4_psnr", "high")], "m.onnx"));

        Assert.Contains("rtsr.metric.Set5_x4_psnr is 'high'", e.Message);
    }

    [Fact]
    public void Metrics_SourceDictionaryChangedAfterwards_CardUnchanged()
    {
        var metrics = new Dictionary<string, double> { ["a"] = 1 };
        var card = new ModelCard { Metrics = metrics };

        metrics["a"] = 2;

        Assert.Equal(1, card.Metrics["a"]);
    }
}

using RealtimeSR.Shared.Onnx;
using Xunit;

namespace RealtimeSR.Tests.Onnx;

public sealed class ModelContractTests
{
    [Fact]
    public void Validate_ModelWithCard_ReturnsCardScaleAndOpset()
    {
        var model = TestModels.SuperResolution(TinySrWeights.Random(4), TestModels.Card(4));

        var facts = ModelContract.Validate(model, "m.onnx");

        Assert.Equal(4, facts.Scale);
        Assert.Equal(17, facts.Opset);
        Assert.Equal(8, facts.IrVersion);
        Assert.Equal(TestModels.Card(4), facts.Card);
    }

    [Fact]
    public void Validate_ModelWithoutCard_ScaleAndCardNull()
    {
        var facts = ModelContract.Validate(TestModels.SuperResolution(TinySrWeights.Random(2)), "m.onnx");

        Assert.Null(facts.Scale);
        Assert.Null(facts.Card);
    }

    [Theory]
    [InlineData(ContractDefect.InputNamedInput, "m.onnx: input is named 'input', expected 'lr'")]
    [InlineData(ContractDefect.InputRank3, "m.onnx: input has rank 3, expected 4 (NCHW)")]
    [InlineData(ContractDefect.InputInt64, "m.onnx: input element type INT64, expected float32")]
    [InlineData(ContractDefect.TwoInputs, "m.onnx: 1 input expected, found 2 ('lr', 'strength')")]
    [InlineData(ContractDefect.Opset11, "m.onnx: opset 11, expected 17 or newer")]
    [InlineData(ContractDefect.InputFourChannels, "m.onnx: input has 4 channels, expected 3 (RGB)")]
    [InlineData(ContractDefect.OutputNamedOutput, "m.onnx: output is named 'output', expected 'sr'")]
    public void Validate_DefectiveModel_ThrowsNamingFoundValue(ContractDefect defect, string expected)
    {
        var model = TestModels.SuperResolution(TinySrWeights.Random(2), defect: defect);

        var e = Assert.Throws<ModelContractException>(() => ModelContract.Validate(model, "m.onnx"));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Validate_FixedHeight_ThrowsExpectedDynamic()
    {
        var model = TestModels.SuperResolution(TinySrWeights.Random(2));
        model.Graph.Input[0].Type.TensorType.Shape.Dim[2].DimValue = 64;

        var e = Assert.Throws<ModelContractException>(() => ModelContract.Validate(model, "m.onnx"));

        Assert.Equal("m.onnx: input height is fixed at 64, expected dynamic", e.Message);
    }

    [Fact]
    public void Validate_AiOnnxDomainOpset18_Accepted()
    {
        var model = TestModels.SuperResolution(TinySrWeights.Random(2));
        model.OpsetImport[0].Domain = "ai.onnx";
        model.OpsetImport[0].Version = 18;

        Assert.Equal(18, ModelContract.Validate(model, "m.onnx").Opset);
    }

    [Fact]
    public void Validate_InitializerListedAsInput_NotCountedAsInput()
    {
        // IR < 4 exporters list weights among the graph inputs.
        var model = TestModels.SuperResolution(TinySrWeights.Random(2));
        model.Graph.Input.Add(new RealtimeSR.Shared.Onnx.Proto.ValueInfoProto { Name = "conv.weight" });

        Assert.Null(ModelContract.Validate(model, "m.onnx").Scale);
    }
}

using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Tests.Onnx;

/// <summary>
/// ONNX models built by code for tests (no binary is checked in): the tiny Conv + DepthToSpace network that meets
/// the model contract, and variants that break it in one way each.
/// </summary>
public static class TestModels
{
    /// <summary>
    /// The tiny network with <paramref name="weights"/>: input <c>lr</c> [N,3,H,W], Conv 3×3 pad 1 to 3·s²
    /// channels, DepthToSpace(s, CRD), output <c>sr</c> [N,3,sH,sW]. <paramref name="card"/> goes into
    /// <c>metadata_props</c>; <paramref name="defect"/> breaks the contract in one way.
    /// </summary>
    public static ModelProto SuperResolution(TinySrWeights weights, ModelCard? card = null, ContractDefect defect = ContractDefect.None)
    {
        var builder = new OnnxGraphBuilder("tiny_sr") { ProducerName = "RealtimeSR.Tests" };
        var input = defect == ContractDefect.InputNamedInput ? "input" : ModelContract.InputName;
        var output = defect == ContractDefect.OutputNamedOutput ? "output" : ModelContract.OutputName;
        var elementType = defect == ContractDefect.InputInt64 ? TensorProto.Types.DataType.Int64 : TensorProto.Types.DataType.Float;
        switch (defect)
        {
            case ContractDefect.InputRank3:
                builder.AddInput(input, elementType, 3, "H", "W");
                break;
            case ContractDefect.InputFourChannels:
                builder.AddInput(input, elementType, "N", 4, "H", "W");
                break;
            default:
                builder.AddInput(input, elementType, "N", 3, "H", "W");
                break;
        }

        if (defect == ContractDefect.TwoInputs)
        {
            builder.AddInput("strength", TensorProto.Types.DataType.Float, 1);
        }

        if (defect == ContractDefect.Opset11)
        {
            builder.SetOpset(11);
        }

        var s = weights.Scale;
        var w = builder.AddFloatInitializer("conv.weight", [weights.ConvChannels, 3, 3, 3], weights.Weight);
        var b = builder.AddFloatInitializer("conv.bias", [weights.ConvChannels], weights.Bias);
        var features = builder.AddNode(
            "Conv", [input, w, b], ["features"], "conv",
            OnnxAttribute.Ints("kernel_shape", 3, 3),
            OnnxAttribute.Ints("pads", 1, 1, 1, 1));
        builder.AddNode(
            "DepthToSpace", [features], [output], "shuffle",
            OnnxAttribute.Int("blocksize", s),
            OnnxAttribute.String("mode", "CRD"));
        builder.AddOutput(output, TensorProto.Types.DataType.Float, "N", 3, "SH", "SW");
        if (card is not null)
        {
            builder.AddMetadata(card.ToMetadata());
        }

        return builder.Build();
    }

    /// <summary><see cref="SuperResolution"/> serialised to ONNX bytes.</summary>
    public static byte[] SuperResolutionBytes(TinySrWeights weights, ModelCard? card = null, ContractDefect defect = ContractDefect.None) =>
        OnnxModelFile.ToBytes(SuperResolution(weights, card, defect));

    /// <summary>A card for the tiny network that declares <paramref name="scale"/>.</summary>
    public static ModelCard Card(int scale) => new()
    {
        Architecture = "tiny-conv3x3-d2s",
        Scale = scale,
        ParameterCount = 3L * scale * scale * (27 + 1),
        TrainingData = "none (random weights)",
        TrainingSteps = 0,
        Metrics = new Dictionary<string, double> { [$"Set5_x{scale}_psnr"] = 12.5, [$"Set5_x{scale}_ssim"] = 0.25 },
        Notes = "built by RealtimeSR.Tests",
        Extra = new Dictionary<string, string> { ["seed"] = "1" },
    };
}

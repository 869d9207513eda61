using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Trainer.Models;

namespace RealtimeSR.Trainer.Export;

/// <summary>
/// Writes a trained network as an ONNX model that follows the model contract: input <c>lr</c> and output <c>sr</c>,
/// NCHW RGB float in [0, 1], dynamic N/H/W, opset 17, with every normalisation of the architecture in the graph
/// and the model card in <c>metadata_props</c>. TorchSharp has no ONNX export, so each architecture writes its own
/// graph next to its <c>forward</c> (<see cref="SrNetwork.EmitOnnx"/>); <see cref="ExportParity"/> holds the two together.
/// </summary>
internal static class OnnxExporter
{
    public static OnnxGraphBuilder Build(SrNetwork network, ModelCard card, WeightStorage weights = WeightStorage.Float32)
    {
        var builder = new OnnxGraphBuilder(network.Options.Architecture)
        {
            DocString = "RealtimeSR model: lr/sr NCHW RGB float in [0,1]",
        };
        builder.AddInput(ModelContract.InputName, TensorProto.Types.DataType.Float, "batch", ModelContract.Channels, "height", "width");
        builder.AddOutput(ModelContract.OutputName, TensorProto.Types.DataType.Float, "batch", ModelContract.Channels, "sr_height", "sr_width");
        builder.AddMetadata(card.ToMetadata());

        var emit = new GraphEmitter(builder, weights);
        string output = network.EmitOnnx(emit, ModelContract.InputName);
        emit.Identity(output, ModelContract.OutputName);
        return builder;
    }
}

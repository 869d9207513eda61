using System.Globalization;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// <c>train --init-from MODEL.onnx</c>: reads the weights of a model this tool exported back into a fresh network of
/// the same shape, so a shipped model can be fine-tuned (on other data, other degradations) without its checkpoint.
/// The trainable convolutions are matched in order to the graph's Conv nodes of the same shape, then the export's
/// own parity check must pass: the network has to reproduce the model's output, or nothing is trained.
/// </summary>
/// <remarks>
/// Architectures whose export changes the weights other than by a known factor (SRResNet folds its batch norms into
/// the convolutions) fail that check and are refused; so are float16-weight exports.
/// </remarks>
internal static class OnnxWeightImport
{
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The architecture and scale the model's card names (what <c>--init-from</c> is checked against).</summary>
    /// <exception cref="CheckpointException">No readable model, or no card saying what it is.</exception>
    public static (string Architecture, int Scale) Describe(string path)
    {
        ModelCard? card = ReadModel(path).Card;
        return card is { Architecture: { } architecture, Scale: { } scale }
            ? (architecture, scale)
            : throw new CheckpointException(path, "has no RealtimeSR model card (rtsr.arch, rtsr.scale): not a model this tool exported");
    }

    /// <returns>One line saying what was read, for the training log.</returns>
    public static string Apply(SrNetwork network, string path)
    {
        var (model, bytes, card) = ReadModel(path);
        if (card?.Architecture != network.Options.Architecture || card.Scale != network.Scale)
        {
            throw new CheckpointException(path,
                $"is {card?.Architecture ?? "no RealtimeSR model"} x{card?.Scale}; --init-from needs the same architecture and scale as {Checkpoint.Describe(network.Options)}");
        }

        var initializers = model.Graph.Initializer.ToDictionary(t => t.Name);
        var convolutions = model.Graph.Node.Where(n => n.OpType == "Conv").ToList();
        RealtimeCore? realtime = (network as LumaNetwork)?.Core as RealtimeCore;

        // In the order of the forward pass, as the graph has them (TorchSharp lists a module's children by name).
        List<Conv2d> trainable = realtime is not null
            ? [.. realtime.Body, realtime.ToPhases]
            : network.modules().OfType<Conv2d>().Where(c => c.weight!.requires_grad).ToList();
        var used = new HashSet<NodeProto>();
        using (no_grad())
        {
            foreach (Conv2d conv in trainable)
            {
                long[] shape = conv.weight!.shape;
                NodeProto? node = convolutions.FirstOrDefault(n => !used.Contains(n) && initializers.TryGetValue(n.Input[1], out var w) && w.Dims.SequenceEqual(shape));
                if (node is null)
                {
                    throw new CheckpointException(path, $"has no convolution of shape [{string.Join(", ", shape)}] where {Checkpoint.Describe(network.Options)} has one: the sizes differ (--channels, --blocks, --fold)");
                }

                used.Add(node);
                float factor = conv == realtime?.ToPhases ? 1 / RealtimeCore.ExportedPhaseGain : 1;
                conv.weight.copy_(Values(initializers[node.Input[1]], factor).reshape(shape));
                if (conv.bias is { } bias)
                {
                    if (node.Input.Count < 3 || !initializers.TryGetValue(node.Input[2], out var b))
                    {
                        throw new CheckpointException(path, $"convolution {node.Name} has no bias initializer");
                    }

                    bias.copy_(Values(b, factor));
                }
            }
        }

        double worst;
        try
        {
            worst = ExportParity.Check(network, bytes, path);
        }
        catch (ExportParityException e)
        {
            throw new CheckpointException(path, "its weights do not read back into the network (the export changed them): " + e.Message, e);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"initialised from {path}: {trainable.Count} convolutions read back from the ONNX model ({card.TrainingSteps} steps; output within {worst:0.#e0} of the model's)");
    }

    /// <exception cref="ModelFileException">Not a readable ONNX file.</exception>
    private static (ModelProto Model, byte[] Bytes, ModelCard? Card) ReadModel(string path)
    {
        byte[] bytes = OnnxModelFile.ReadBytes(path);
        ModelProto model = OnnxModelFile.Parse(bytes, path);
        if (model.Graph.Initializer.Any(t => t.DataType == (int)TensorProto.Types.DataType.Float16))
        {
            throw new CheckpointException(path, "stores float16 weights (--fp16-weights); train from a float32 export");
        }

        return (model, bytes, ModelCard.FromMetadata(model.MetadataProps.Select(p => KeyValuePair.Create(p.Key, p.Value)), path));
    }

    private static Tensor Values(TensorProto initializer, float factor)
    {
        float[] values = OnnxTensorValues.Floats(initializer);
        if (factor != 1)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= factor;
            }
        }

        return tensor(values);
    }
}

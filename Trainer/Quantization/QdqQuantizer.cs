using Google.Protobuf;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Trainer.Quantization;

/// <summary>
/// Rewrites a float ONNX model into the QDQ form ONNX Runtime turns into int8 kernels (QLinearConv, u8 activations ×
/// s8 weights; VNNI on AVX-512 CPUs): every plain convolution (group 1, weights an initializer) gets its input through
/// QuantizeLinear → DequantizeLinear with a calibrated uint8 range, its weights as int8 per output channel
/// (symmetric), its bias as int32 at input scale × weight scale, and its output through a Q/DQ pair. A ReLU between
/// a convolution and the next is folded into the output quantisation (zero point 0 clamps negatives exactly as
/// ReLU does), which is what lets the runtime fuse the pair. Everything else (colour conversion, the fixed bicubic
/// phases, pixel shuffle, the residual add) stays float.
/// </summary>
internal static class QdqQuantizer
{
    /// <summary>The convolutions this rewrite quantises, in graph order.</summary>
    public static IReadOnlyList<NodeProto> Convolutions(GraphProto graph)
    {
        var weights = graph.Initializer.Select(t => t.Name).ToHashSet();
        return graph.Node.Where(n => n.OpType == "Conv" && n.Input.Count >= 2 && weights.Contains(n.Input[1])
                                     && (n.Attribute.FirstOrDefault(a => a.Name == "group")?.I ?? 1) == 1).ToList();
    }

    /// <summary>
    /// The float tensors whose ranges <see cref="Quantize"/> needs: each quantised convolution's input and output
    /// (before any ReLU).
    /// </summary>
    public static IReadOnlyList<string> TensorsToCalibrate(GraphProto graph) =>
        Convolutions(graph).SelectMany(n => new[] { n.Input[0], n.Output[0] }).Distinct().ToList();

    /// <param name="model">The float model (not changed).</param>
    /// <param name="ranges">Observed (min, max) of every tensor in <see cref="TensorsToCalibrate"/>.</param>
    public static ModelProto Quantize(ModelProto model, IReadOnlyDictionary<string, (float Min, float Max)> ranges)
    {
        ModelProto result = model.Clone();
        GraphProto graph = result.Graph;
        var convolutions = Convolutions(graph).ToHashSet(ReferenceEqualityComparer.Instance);
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var consumers = graph.Node.SelectMany(n => n.Input.Select(i => (Input: i, Node: n))).ToLookup(p => p.Input, p => p.Node);
        var nodes = new List<NodeProto>();
        var quantised = new Dictionary<string, (string Dequantised, float Scale)>(); // float tensor → its Q/DQ copy
        var skippedRelus = new HashSet<NodeProto>();
        int counter = 0;
        string Name(string what) => $"qdq_{what}_{counter++}";

        (string Dequantised, float Scale) QuantiseActivation(string tensor, bool relu)
        {
            if (quantised.TryGetValue(tensor, out var known))
            {
                return known;
            }

            if (!ranges.TryGetValue(tensor, out var range))
            {
                throw new InvalidOperationException($"no calibrated range for tensor '{tensor}'");
            }

            var (scale, zeroPoint) = relu ? UnsignedScale(0, range.Max) : UnsignedScale(range.Min, range.Max);
            string scaleName = AddScalar(graph, Name("scale"), scale);
            string zeroName = AddUint8Scalar(graph, Name("zero"), zeroPoint);
            string q = Name("q");
            string dq = Name("dq");
            nodes.Add(Node("QuantizeLinear", [tensor, scaleName, zeroName], q));
            nodes.Add(Node("DequantizeLinear", [q, scaleName, zeroName], dq));
            return quantised[tensor] = (dq, scale);
        }

        foreach (NodeProto node in graph.Node)
        {
            if (skippedRelus.Contains(node))
            {
                continue;
            }

            if (!convolutions.Contains(node))
            {
                // Inputs that were quantised after a folded ReLU are read from their dequantised copy.
                var copy = node.Clone();
                for (int i = 0; i < copy.Input.Count; i++)
                {
                    if (quantised.TryGetValue(copy.Input[i], out var q))
                    {
                        copy.Input[i] = q.Dequantised;
                    }
                }

                nodes.Add(copy);
                continue;
            }

            var conv = node.Clone();
            var (input, inputScale) = QuantiseActivation(conv.Input[0], relu: false); // or its existing copy (after a folded ReLU)
            conv.Input[0] = input;
            TensorProto weight = initializers[conv.Input[1]];
            float[] w = OnnxTensorValues.Floats(weight);
            int outChannels = (int)weight.Dims[0];
            int perChannel = w.Length / outChannels;
            var weightScales = new float[outChannels];
            var weightValues = new sbyte[w.Length];
            for (int c = 0; c < outChannels; c++)
            {
                float max = 0;
                for (int i = 0; i < perChannel; i++)
                {
                    max = Math.Max(max, Math.Abs(w[c * perChannel + i]));
                }

                weightScales[c] = max > 0 ? max / 127f : 1f;
                for (int i = 0; i < perChannel; i++)
                {
                    weightValues[c * perChannel + i] = (sbyte)Math.Clamp(MathF.Round(w[c * perChannel + i] / weightScales[c]), -127, 127);
                }
            }

            string weightScale = AddFloats(graph, Name("wscale"), [outChannels], weightScales);
            string weightZero = AddTensor(graph, Name("wzero"), TensorProto.Types.DataType.Int8, [outChannels], new byte[outChannels]);
            string weightQ = AddTensor(graph, Name("wq"), TensorProto.Types.DataType.Int8, weight.Dims.ToArray(), weightValues.Select(v => unchecked((byte)v)).ToArray());
            conv.Input[1] = Name("wdq");
            nodes.Add(Node("DequantizeLinear", [weightQ, weightScale, weightZero], conv.Input[1], axis: 0));

            if (conv.Input.Count > 2 && conv.Input[2].Length > 0)
            {
                float[] b = OnnxTensorValues.Floats(initializers[conv.Input[2]]);
                var biasScales = weightScales.Select(s => s * inputScale).ToArray();
                var biasValues = new byte[4 * b.Length];
                for (int c = 0; c < b.Length; c++)
                {
                    BitConverter.TryWriteBytes(biasValues.AsSpan(4 * c), (int)Math.Round(b[c] / biasScales[c]));
                }

                string biasScale = AddFloats(graph, Name("bscale"), [b.Length], biasScales);
                string biasZero = AddTensor(graph, Name("bzero"), TensorProto.Types.DataType.Int32, [b.Length], new byte[4 * b.Length]);
                string biasQ = AddTensor(graph, Name("bq"), TensorProto.Types.DataType.Int32, [b.Length], biasValues);
                conv.Input[2] = Name("bdq");
                nodes.Add(Node("DequantizeLinear", [biasQ, biasScale, biasZero], conv.Input[2], axis: 0));
            }

            nodes.Add(conv);

            // The output: through a following ReLU (folded) when that ReLU is its only reader, else as it is.
            string output = conv.Output[0];
            var readers = consumers[output].ToList();
            if (readers is [{ OpType: "Relu" } relu])
            {
                skippedRelus.Add(relu);
                var (dq, scale) = QuantiseActivation(output, relu: true);
                quantised[relu.Output[0]] = (dq, scale);
            }
            else
            {
                QuantiseActivation(output, relu: false);
            }
        }

        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        var used = nodes.SelectMany(n => n.Input).ToHashSet();
        var stale = graph.Initializer.Where(t => !used.Contains(t.Name)).ToList();
        foreach (TensorProto t in stale)
        {
            graph.Initializer.Remove(t);
        }

        return result;
    }

    /// <summary>Scale and zero point that map [min, max] (widened to include 0) onto 0…255.</summary>
    internal static (float Scale, byte ZeroPoint) UnsignedScale(float min, float max)
    {
        min = Math.Min(min, 0);
        max = Math.Max(max, 0);
        float scale = max > min ? (max - min) / 255f : 1f;
        return (scale, (byte)Math.Clamp(MathF.Round(-min / scale), 0, 255));
    }

    private static NodeProto Node(string op, string[] inputs, string output, long? axis = null)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        if (axis is { } a)
        {
            node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = a });
        }

        return node;
    }

    private static string AddScalar(GraphProto graph, string name, float value) => AddFloats(graph, name, [], [value]);

    private static string AddUint8Scalar(GraphProto graph, string name, byte value) =>
        AddTensor(graph, name, TensorProto.Types.DataType.Uint8, [], [value]);

    private static string AddFloats(GraphProto graph, string name, long[] dims, float[] values)
    {
        var bytes = new byte[4 * values.Length];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return AddTensor(graph, name, TensorProto.Types.DataType.Float, dims, bytes);
    }

    private static string AddTensor(GraphProto graph, string name, TensorProto.Types.DataType type, long[] dims, byte[] raw)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        graph.Initializer.Add(tensor);
        return name;
    }
}

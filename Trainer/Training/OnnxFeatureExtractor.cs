using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Trainer.Models;
using RealtimeSR.Trainer.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// A pretrained ONNX image classifier run by TorchSharp up to one named tensor: the feature space of SRGAN's content
/// loss. The seed compares VGG19 features up to conv5_4; any CNN whose nodes before the cut are among
/// <see cref="SupportedOps"/> works (VGG19 exports, ML.NET's ResNet18 package). The graph is interpreted rather
/// than rebuilt as modules so that the file alone decides the network. Input: NCHW RGB in [0, 1]; the
/// <see cref="FeatureInputConvention"/> is applied first. The weights are constants on the device, never trained;
/// gradients flow through to the input.
/// </summary>
internal sealed class OnnxFeatureExtractor : IDisposable
{
    public static readonly string[] SupportedOps = ["Conv", "BatchNormalization", "Relu", "MaxPool", "Add", "Sub", "Mul", "Concat", "Constant"];

    private static readonly float[] CaffeBgrMean = [103.939f, 116.779f, 123.68f]; // B, G, R in [0, 255]

    private readonly string _input;
    private readonly string _output;
    private readonly List<(string Output, Func<Dictionary<string, Tensor>, Tensor> Run)> _steps = [];
    private readonly List<Tensor> _owned = [];
    private readonly bool _toBgr;
    private readonly Tensor _inputScale;
    private readonly Tensor _inputOffset;

    static OnnxFeatureExtractor() => LibTorchKernels.EnsureNativeConvolutions();

    private OnnxFeatureExtractor(string path, ModelProto model, string output, FeatureInputConvention convention, Device device)
    {
        GraphProto graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var constants = new Dictionary<string, Tensor>();
        _input = graph.Input.Select(i => i.Name).FirstOrDefault(name => !initializers.ContainsKey(name))
            ?? throw new ModelFileException(path, $"{path}: the graph has no picture input");
        _output = output;

        Tensor Constant(string name)
        {
            if (constants.TryGetValue(name, out Tensor? known))
            {
                return known;
            }

            if (!initializers.TryGetValue(name, out TensorProto? proto) || proto.DataType != (int)TensorProto.Types.DataType.Float)
            {
                throw new ModelFileException(path, $"{path}: '{name}' is not a float initializer");
            }

            return constants[name] = Own(Weights(path, proto, device));
        }

        // An operand is either a weight (loaded once, here) or a value computed by an earlier node.
        Func<Dictionary<string, Tensor>, Tensor> Operand(string name)
        {
            if (!initializers.ContainsKey(name))
            {
                return values => values[name];
            }

            Tensor weight = Constant(name);
            return _ => weight;
        }

        try
        {
            foreach (NodeProto node in NodesFor(path, graph, _input, initializers.Keys.ToHashSet(), output))
            {
                _steps.Add((node.Output[0], Compile(path, node, Constant, Operand, device)));
            }
        }
        catch
        {
            Dispose(); // the weights loaded before the node that failed
            throw;
        }

        (_toBgr, float[] scale, float[] offset) = convention switch
        {
            FeatureInputConvention.ImageNet => (false, SrResNet.ImageNetStd.Select(s => 1 / s).ToArray(), SrResNet.ImageNetMean.Zip(SrResNet.ImageNetStd, (m, s) => m / s).ToArray()),
            FeatureInputConvention.CaffeBgr => (true, [255f, 255f, 255f], CaffeBgrMean),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, null),
        };
        _inputScale = Own(tensor(scale, [1, 3, 1, 1], device: device));
        _inputOffset = Own(tensor(offset, [1, 3, 1, 1], device: device));
    }

    /// <summary>Loads <paramref name="path"/> for features at the tensor named <paramref name="output"/>.</summary>
    /// <exception cref="ModelFileException">
    /// The file is missing or not ONNX, has no tensor of that name, or needs an unsupported node before it.
    /// </exception>
    public static OnnxFeatureExtractor Load(string path, string output, FeatureInputConvention convention, Device device) =>
        new(path, OnnxModelFile.Read(path), output, convention, device);

    /// <summary>Features of <paramref name="rgb"/> (NCHW RGB in [0, 1]) at the chosen tensor.</summary>
    public Tensor Forward(Tensor rgb)
    {
        Tensor picture = _toBgr ? rgb.flip(1) : rgb;
        var values = new Dictionary<string, Tensor> { [_input] = picture.mul(_inputScale).sub_(_inputOffset) };
        foreach (var (output, run) in _steps)
        {
            values[output] = run(values);
        }

        return values[_output];
    }

    public void Dispose()
    {
        foreach (Tensor t in _owned)
        {
            t.Dispose();
        }
    }

    private Tensor Own(Tensor t)
    {
        _owned.Add(t);
        return t;
    }

    /// <summary>
    /// The nodes <paramref name="output"/> depends on, in graph (topological) order. Only a node's first output is
    /// computed, so every value they read must be the picture input, a weight, or the first output of another.
    /// </summary>
    private static List<NodeProto> NodesFor(string path, GraphProto graph, string input, ISet<string> initializers, string output)
    {
        var producers = new Dictionary<string, int>();
        for (int i = 0; i < graph.Node.Count; i++)
        {
            producers[graph.Node[i].Output[0]] = i;
        }

        if (!producers.ContainsKey(output))
        {
            bool secondary = graph.Node.Any(n => n.Output.Skip(1).Contains(output));
            throw new ModelFileException(path, secondary
                ? $"{path}: '{output}' is not the first output of its node; the feature extractor takes first outputs only"
                : $"{path}: no node computes a tensor named '{output}'");
        }

        var needed = new SortedSet<int>();
        var pending = new Stack<string>([output]);
        while (pending.TryPop(out string? name))
        {
            if (producers.TryGetValue(name, out int index))
            {
                if (needed.Add(index))
                {
                    foreach (string value in graph.Node[index].Input.Where(i => i.Length > 0))
                    {
                        pending.Push(value);
                    }
                }
            }
            else if (name != input && !initializers.Contains(name))
            {
                throw new ModelFileException(path, $"{path}: '{name}', needed for '{output}', is neither the picture input, a weight, nor a node's first output");
            }
        }

        var nodes = needed.Select(i => graph.Node[i]).ToList();
        if (nodes.FirstOrDefault(n => !SupportedOps.Contains(n.OpType)) is { } unsupported)
        {
            throw new ModelFileException(path,
                $"{path}: node '{unsupported.Name}' ({unsupported.OpType}) comes before '{output}'; the feature extractor runs {string.Join(", ", SupportedOps)}");
        }

        return nodes;
    }

    private Func<Dictionary<string, Tensor>, Tensor> Compile(
        string path, NodeProto node, Func<string, Tensor> constant, Func<string, Func<Dictionary<string, Tensor>, Tensor>> operand, Device device)
    {
        var x = node.Input.Count > 0 ? operand(node.Input[0]) : null!;
        switch (node.OpType)
        {
            case "Conv":
            {
                Tensor weight = constant(node.Input[1]);
                Tensor? bias = node.Input.Count > 2 && node.Input[2].Length > 0 ? constant(node.Input[2]) : null;
                long[] strides = Ints(node, "strides", [1, 1]);
                long[] dilations = Ints(node, "dilations", [1, 1]);
                long groups = Attribute(node, "group")?.I ?? 1;
                long[] pads = Pads(path, node);
                bool symmetric = pads[0] == pads[2] && pads[1] == pads[3];
                return v =>
                {
                    // ONNX pads are [top, left, bottom, right]; torch pads both sides alike, so an uneven
                    // padding (CNTK's "same" for a stride-2 7×7) is applied first.
                    Tensor input = symmetric ? x(v) : nn.functional.pad(x(v), [pads[1], pads[3], pads[0], pads[2]]);
                    long[] padding = symmetric ? [pads[0], pads[1]] : [0, 0];
                    return nn.functional.conv2d(input, weight, bias, strides, padding, dilations, groups);
                };
            }

            case "BatchNormalization":
            {
                // Inference form, folded once: y = x · γ/√(σ² + ε) + (β − μ · γ/√(σ² + ε)).
                float epsilon = Attribute(node, "epsilon")?.F ?? 1e-5f;
                using Scalar epsilonScalar = epsilon.ToScalar();
                using Tensor inverse = constant(node.Input[4]).add(epsilonScalar, LongLivedScalars.One).rsqrt_();
                using Tensor scale = constant(node.Input[1]).mul(inverse);
                using Tensor scaledMean = constant(node.Input[3]).mul(scale);
                using Tensor offset = constant(node.Input[2]).sub(scaledMean);
                Tensor multiplier = Own(scale.reshape(1, -1, 1, 1));
                Tensor shift = Own(offset.reshape(1, -1, 1, 1));
                return v => x(v).mul(multiplier).add_(shift, LongLivedScalars.One);
            }

            case "Relu":
                return v => nn.functional.relu(x(v));

            case "MaxPool":
            {
                long[] kernel = Ints(node, "kernel_shape", []);
                long[] strides = Ints(node, "strides", [1, 1]);
                long[] dilations = Ints(node, "dilations", [1, 1]);
                bool ceil = (Attribute(node, "ceil_mode")?.I ?? 0) == 1;
                long[] pads = Pads(path, node);
                bool even = pads[0] == pads[2] && pads[1] == pads[3] && 2 * pads[0] <= kernel[0] && 2 * pads[1] <= kernel[1];
                if (ceil && !even)
                {
                    throw new ModelFileException(path, $"{path}: MaxPool node '{node.Name}' combines ceil_mode with uneven padding");
                }

                return v =>
                {
                    if (even)
                    {
                        return nn.functional.max_pool2d(x(v), kernel, strides, [pads[0], pads[1]], dilations, ceil);
                    }

                    // Padding with −∞ keeps it out of every maximum, as ONNX specifies.
                    Tensor padded = nn.functional.pad(x(v), [pads[1], pads[3], pads[0], pads[2]], PaddingModes.Constant, double.NegativeInfinity);
                    return nn.functional.max_pool2d(padded, kernel, strides, dilation: dilations);
                };
            }

            case "Add" or "Sub" or "Mul":
            {
                if (Attribute(node, "broadcast") is not null)
                {
                    throw new ModelFileException(path, $"{path}: {node.OpType} node '{node.Name}' uses opset-6 broadcasting; re-export the model with opset 7 or later");
                }

                var (a, b) = (operand(node.Input[0]), operand(node.Input[1]));
                return node.OpType switch
                {
                    "Add" => v => a(v).add(b(v), LongLivedScalars.One),
                    "Sub" => v => a(v).sub(b(v)),
                    _ => v => a(v).mul(b(v)),
                };
            }

            case "Concat":
            {
                long axis = Attribute(node, "axis")?.I ?? throw new ModelFileException(path, $"{path}: Concat node '{node.Name}' has no axis");
                var parts = node.Input.Select(operand).ToArray();
                return v => cat(parts.Select(part => part(v)).ToArray(), axis);
            }

            case "Constant":
            {
                TensorProto value = Attribute(node, "value")?.T ?? throw new ModelFileException(path, $"{path}: Constant node '{node.Name}' has no tensor value");
                Tensor t = Own(Weights(path, value, device));
                return _ => t;
            }

            default:
                throw new ModelFileException(path, $"{path}: node '{node.Name}' ({node.OpType}) is not supported");
        }
    }

    private static Tensor Weights(string path, TensorProto proto, Device device)
    {
        float[] values;
        try
        {
            values = OnnxTensorValues.Floats(proto);
        }
        catch (InvalidOperationException e)
        {
            throw new ModelFileException(path, $"{path}: {e.Message}", e);
        }

        return tensor(values, [.. proto.Dims], device: device);
    }

    private static AttributeProto? Attribute(NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name);

    private static long[] Ints(NodeProto node, string name, long[] fallback) =>
        Attribute(node, name) is { Ints.Count: > 0 } a ? [.. a.Ints] : fallback;

    /// <summary>[top, left, bottom, right] from explicit pads; only NOTSET and VALID auto-padding are taken.</summary>
    private static long[] Pads(string path, NodeProto node)
    {
        string autoPad = Attribute(node, "auto_pad")?.S.ToStringUtf8() ?? "";
        if (autoPad is not ("" or "NOTSET" or "VALID"))
        {
            throw new ModelFileException(path, $"{path}: node '{node.Name}' uses auto_pad {autoPad}; give the pads explicitly");
        }

        return autoPad == "VALID" ? [0, 0, 0, 0] : Ints(node, "pads", [0, 0, 0, 0]);
    }
}

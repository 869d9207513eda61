using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Trainer.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Export;

/// <summary>
/// Writes TorchSharp layers as ONNX nodes, one method per layer kind, each returning the name of the value it
/// defines. Batch norm is folded into the convolution before it (inference statistics), PixelShuffle becomes
/// DepthToSpace in CRD mode (the same channel order), and convolution weights go in as float32 initializers, or as
/// float16 ones cast back to float32 (<see cref="WeightStorage"/>); biases, slopes and constants stay float32.
/// </summary>
internal sealed class GraphEmitter
{
    private readonly OnnxGraphBuilder _builder;
    private readonly WeightStorage _weights;
    private int _counter;

    public GraphEmitter(OnnxGraphBuilder builder, WeightStorage weights = WeightStorage.Float32)
    {
        _builder = builder;
        _weights = weights;
    }

    public string Conv(string input, Conv2d conv, BatchNormalization? norm = null)
    {
        float[] weight = Values(conv.weight!);
        long[] shape = conv.weight!.shape;
        long outChannels = shape[0];
        float[] bias = conv.bias is null ? new float[outChannels] : Values(conv.bias);
        if (norm is not null)
        {
            FoldBatchNorm(norm, weight, bias, outChannels);
        }

        return Conv(input, weight, shape, bias, conv.padding![0], conv.stride![0], group: conv.groups);
    }

    /// <summary>A convolution from raw weights [out, in/group, k, k] and bias [out].</summary>
    public string Conv(string input, float[] weight, long[] shape, float[]? bias, long padding, long stride = 1, long group = 1)
    {
        string w = Weight(shape, weight);
        var inputs = new List<string> { input, w };
        if (bias is not null)
        {
            inputs.Add(_builder.AddFloatInitializer(Name("b"), [shape[0]], bias));
        }

        return Node("Conv", inputs,
            OnnxAttribute.Ints("kernel_shape", shape[2], shape[3]),
            OnnxAttribute.Ints("pads", padding, padding, padding, padding),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Int("group", group));
    }

    /// <summary>Transposed convolution; TorchSharp's weight layout [in, out, k, k] is ONNX's.</summary>
    public string ConvTranspose(string input, ConvTranspose2d deconv)
    {
        long[] shape = deconv.weight!.shape;
        string w = Weight(shape, Values(deconv.weight));
        string b = _builder.AddFloatInitializer(Name("b"), [shape[1]], deconv.bias is null ? new float[shape[1]] : Values(deconv.bias));
        long stride = deconv.stride![0];
        long padding = deconv.padding![0];
        long outputPadding = deconv.output_padding![0];
        return Node("ConvTranspose", [input, w, b],
            OnnxAttribute.Ints("kernel_shape", shape[2], shape[3]),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Ints("pads", padding, padding, padding, padding),
            OnnxAttribute.Ints("output_padding", outputPadding, outputPadding));
    }

    /// <summary>PReLU with one slope or one per channel (shape [C, 1, 1] broadcasts over NCHW).</summary>
    public string PRelu(string input, ParametricRelu prelu)
    {
        float[] slope = Values(prelu.Weight);
        long[] shape = slope.Length == 1 ? [1] : [slope.Length, 1, 1];
        return Node("PRelu", [input, _builder.AddFloatInitializer(Name("slope"), shape, slope)]);
    }

    public string Relu(string input) => Node("Relu", [input]);

    public string Tanh(string input) => Node("Tanh", [input]);

    public string LeakyRelu(string input, float alpha) => Node("LeakyRelu", [input], OnnxAttribute.Float("alpha", alpha));

    public string DepthToSpace(string input, int blockSize) =>
        Node("DepthToSpace", [input], OnnxAttribute.Int("blocksize", blockSize), OnnxAttribute.String("mode", "CRD"));

    /// <summary>
    /// <paramref name="groups"/> × <paramref name="groupSize"/> channels of <paramref name="a"/> plus the
    /// <paramref name="groupSize"/> channels of <paramref name="b"/> added to each group (NCHW, same H and W): one
    /// broadcast Add over reshaped views, no copies.
    /// </summary>
    public string AddToEachGroup(string a, string b, long groups, long groupSize)
    {
        string grouped = Node("Reshape", [a, Int64Constant([4], 0, groups, groupSize, -1)]);
        string single = Node("Reshape", [b, Int64Constant([4], 0, 1, groupSize, -1)]);
        return Node("Reshape", [Add(grouped, single), Node("Shape", [a])]);
    }

    /// <summary>Replicates the edge pixels <paramref name="padding"/> deep on all four sides of an NCHW value.</summary>
    public string PadEdge(string input, long padding)
    {
        string pads = _builder.AddInt64Initializer(Name("pads"), [8], [0, 0, padding, padding, 0, 0, padding, padding]);
        return Node("Pad", [input, pads], OnnxAttribute.String("mode", "edge"));
    }

    /// <summary>
    /// SpaceToDepth; for one input channel its channel order equals TorchSharp's pixel_unshuffle (with more channels
    /// the two differ, so callers fold luma only).
    /// </summary>
    public string SpaceToDepth(string input, int blockSize) =>
        Node("SpaceToDepth", [input], OnnxAttribute.Int("blocksize", blockSize));

    /// <summary>Edge-pads the bottom and right of an NCHW value up to the next multiple of <paramref name="multiple"/>.</summary>
    public string PadEdgeToMultiple(string input, long multiple)
    {
        string m = Int64Constant([1], multiple);
        string size = HeightWidth(input);
        string missing = Node("Mod", [Node("Sub", [m, Node("Mod", [size, m])]), m]);
        string pads = Node("Concat", [Int64Constant([6], 0, 0, 0, 0, 0, 0), missing], OnnxAttribute.Int("axis", 0));
        return Node("Pad", [input, pads], OnnxAttribute.String("mode", "edge"));
    }

    /// <summary>The top-left (H·factor)×(W·factor) of <paramref name="input"/>, H×W being <paramref name="reference"/>'s size.</summary>
    public string CropToScaled(string input, string reference, long factor)
    {
        string ends = Node("Mul", [HeightWidth(reference), Int64Constant([1], factor)]);
        return Node("Slice", [input, Int64Constant([2], 0, 0), ends, Int64Constant([2], 2, 3)]);
    }

    /// <summary>[H, W] of an NCHW value as an int64 vector.</summary>
    private string HeightWidth(string input) =>
        Node("Slice", [Node("Shape", [input]), Int64Constant([1], 2), Int64Constant([1], 4)]);

    /// <summary>A convolution's weight tensor, stored as <see cref="_weights"/> says.</summary>
    private string Weight(long[] shape, float[] values) => _weights switch
    {
        WeightStorage.Float32 => _builder.AddFloatInitializer(Name("w"), shape, values),
        WeightStorage.Float16 => Node("Cast", [_builder.AddHalfInitializer(Name("w16"), shape, values)],
            OnnxAttribute.Int("to", (long)TensorProto.Types.DataType.Float)),
        _ => throw new ArgumentOutOfRangeException(nameof(_weights), _weights, null),
    };

    private string Int64Constant(long[] shape, params long[] values) => _builder.AddInt64Initializer(Name("int"), shape, values);

    /// <summary>Benchmark luma in [0, 1] of an RGB tensor in [0, 1] (<see cref="LumaPath.Luma"/>): a 1×1 conv.</summary>
    public string Luma(string rgb) => Conv(rgb, LumaPath.Weights, [1, 3, 1, 1], [LumaPath.Offset], padding: 0);

    /// <summary>
    /// <see cref="BicubicPhases"/>: the fixed bicubic phase convolution (edge padding, grouped 5×5), factor² phases
    /// per channel at LR resolution.
    /// </summary>
    public string BicubicPhases(string input, int channels, int factor)
    {
        float[] single = BicubicPhaseKernel.Weights(factor);
        var weights = new float[channels * single.Length];
        for (int c = 0; c < channels; c++)
        {
            single.CopyTo(weights, c * single.Length);
        }

        string padded = PadEdge(input, BicubicPhaseKernel.Padding);
        return Conv(padded, weights, [channels * factor * factor, 1, BicubicPhaseKernel.Size, BicubicPhaseKernel.Size],
            bias: null, padding: 0, group: channels);
    }

    public string Add(string a, string b) => Node("Add", [a, b]);

    public string Sub(string a, string b) => Node("Sub", [a, b]);

    public string Mul(string a, string b) => Node("Mul", [a, b]);

    public string Div(string a, string b) => Node("Div", [a, b]);

    /// <summary>A float constant of the given shape (e.g. [1, 3, 1, 1] for per-channel statistics).</summary>
    public string Constant(long[] shape, params float[] values) => _builder.AddFloatInitializer(Name("const"), shape, values);

    /// <summary>Copies <paramref name="input"/> to a value with a fixed name (the graph output).</summary>
    public string Identity(string input, string output)
    {
        _builder.AddNode("Identity", [input], [output], Name("Identity"));
        return output;
    }

    /// <summary>A tensor's values as a flat row-major float array (on the CPU).</summary>
    public static float[] Values(Tensor t)
    {
        using var scope = NewDisposeScope(); // holds the intermediate tensors until their native calls are done
        return t.detach().cpu().contiguous().data<float>().ToArray();
    }

    private static void FoldBatchNorm(BatchNormalization norm, float[] weight, float[] bias, long outChannels)
    {
        float[] gamma = Values(norm.Weight);
        float[] beta = Values(norm.Bias);
        float[] mean = Values(norm.RunningMean);
        float[] variance = Values(norm.RunningVariance);
        long perChannel = weight.Length / outChannels;
        for (long c = 0; c < outChannels; c++)
        {
            double factor = gamma[c] / Math.Sqrt(variance[c] + BatchNormalization.Epsilon);
            for (long i = 0; i < perChannel; i++)
            {
                weight[c * perChannel + i] = (float)(weight[c * perChannel + i] * factor);
            }

            bias[c] = (float)((bias[c] - mean[c]) * factor + beta[c]);
        }
    }

    private string Node(string opType, IReadOnlyList<string> inputs, params ReadOnlySpan<AttributeProto> attributes)
    {
        string output = Name(opType.ToLowerInvariant());
        _builder.AddNode(opType, inputs, [output], null, attributes);
        return output;
    }

    private string Name(string stem) => $"{stem}_{_counter++}";
}

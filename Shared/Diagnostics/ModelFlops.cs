using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// Counts the floating-point operations of an SR model from its ONNX graph, per LR input pixel, so that
/// GFLOP/s can be reported for any frame size. A multiply-add counts as 2 FLOPs; element-wise operators count
/// one per output element; shape-only operators (DepthToSpace, Reshape, …) count nothing.
/// </summary>
/// <remarks>
/// Shapes are followed symbolically as (channels, spatial factor relative to the input's H×W), which is all a
/// fully convolutional SR graph needs. Operators it does not know pass their first input's shape through and
/// count 0, so the figure is a lower bound for exotic graphs, never an invention.
/// </remarks>
public static class ModelFlops
{
    private static readonly HashSet<string> ElementWise =
    [
        "Add", "Sub", "Mul", "Div", "Relu", "PRelu", "LeakyRelu", "Sigmoid", "Tanh", "Clip", "Max", "Min", "Sum", "Pow", "Sqrt", "Neg", "Abs",
    ];

    /// <summary>FLOPs per LR input pixel of the model file at <paramref name="path"/>.</summary>
    public static double PerInputPixel(string path) => PerInputPixel(OnnxModelFile.Read(path));

    /// <summary>FLOPs per LR input pixel of <paramref name="model"/>.</summary>
    public static double PerInputPixel(ModelProto model)
    {
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, t => t.Dims.ToArray());
        var shapes = new Dictionary<string, (double Channels, double Factor)>();
        foreach (var input in graph.Input.Where(i => !initializers.ContainsKey(i.Name)))
        {
            shapes[input.Name] = (ModelContract.Channels, 1);
        }

        double flops = 0;
        foreach (var node in graph.Node)
        {
            var inputShape = node.Input.Count > 0 && shapes.TryGetValue(node.Input[0], out var s) ? s : (Channels: 0d, Factor: 1d);
            (double Channels, double Factor) output = inputShape;
            switch (node.OpType)
            {
                case "Conv" when node.Input.Count > 1 && initializers.TryGetValue(node.Input[1], out var w) && w.Length == 4:
                {
                    double stride = Attribute(node, "strides")?.FirstOrDefault() ?? 1;
                    output = (w[0], inputShape.Factor / stride);
                    double area = output.Factor * output.Factor;
                    flops += 2.0 * w[0] * w[1] * w[2] * w[3] * area + (node.Input.Count > 2 ? w[0] * area : 0);
                    break;
                }

                case "ConvTranspose" when node.Input.Count > 1 && initializers.TryGetValue(node.Input[1], out var w) && w.Length == 4:
                {
                    double stride = Attribute(node, "strides")?.FirstOrDefault() ?? 1;
                    double group = Attribute(node, "group")?.FirstOrDefault() ?? 1;
                    output = (w[1] * group, inputShape.Factor * stride);
                    flops += 2.0 * w[0] * w[1] * w[2] * w[3] * inputShape.Factor * inputShape.Factor;
                    break;
                }

                case "DequantizeLinear" or "Cast" when initializers.TryGetValue(node.Input[0], out var stored):
                    // Weights stored as int8 (QDQ) or float16: the convolution reading them costs what a float one would.
                    initializers[node.Output[0]] = stored;
                    break;

                case "DepthToSpace":
                {
                    double block = Attribute(node, "blocksize")?.FirstOrDefault() ?? 1;
                    output = (inputShape.Channels / (block * block), inputShape.Factor * block);
                    break;
                }

                case "SpaceToDepth":
                {
                    double block = Attribute(node, "blocksize")?.FirstOrDefault() ?? 1;
                    output = (inputShape.Channels * block * block, inputShape.Factor / block);
                    break;
                }

                case "Concat":
                    output = (node.Input.Sum(i => shapes.TryGetValue(i, out var c) ? c.Channels : 0), inputShape.Factor);
                    break;

                default:
                    if (ElementWise.Contains(node.OpType))
                    {
                        // Broadcasting against a smaller operand (a bias, a per-channel slope) keeps the larger shape.
                        output = node.Input.Select(i => shapes.TryGetValue(i, out var c) ? c : (Channels: 0d, Factor: 0d))
                            .MaxBy(c => c.Channels * c.Factor * c.Factor);
                        flops += output.Channels * output.Factor * output.Factor;
                    }

                    break;
            }

            foreach (string name in node.Output)
            {
                shapes[name] = output;
            }
        }

        return flops;
    }

    private static long[]? Attribute(NodeProto node, string name)
    {
        var attribute = node.Attribute.FirstOrDefault(a => a.Name == name);
        return attribute is null ? null : attribute.Ints.Count > 0 ? attribute.Ints.ToArray() : [attribute.I];
    }
}

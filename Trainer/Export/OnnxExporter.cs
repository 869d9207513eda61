using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Trainer.Models;
using TorchSharp.Modules;

namespace RealtimeSR.Trainer.Export;

/// <summary>
/// Writes a trained network as an ONNX model that follows the model contract: input <c>lr</c> and output <c>sr</c>,
/// NCHW RGB float in [0, 1], dynamic N/H/W, opset 17, with every normalisation of the architecture in the graph
/// and the model card in <c>metadata_props</c>. TorchSharp has no ONNX export, so each architecture is spelt out
/// here layer by layer; <see cref="ExportParity"/> holds the two together.
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
        string output = network switch
        {
            SrResNet srresnet => SrResNetGraph(emit, srresnet, ModelContract.InputName),
            LumaNetwork luma => LumaGraph(emit, luma, ModelContract.InputName),
            _ => throw new NotSupportedException($"no ONNX export for {network.GetType().Name}"),
        };
        emit.Identity(output, ModelContract.OutputName);
        return builder;
    }

    private static string SrResNetGraph(GraphEmitter emit, SrResNet net, string input)
    {
        // (x − mean) / std stays explicit: folding it into the 9×9 head would change how its zero padding acts.
        string x = emit.Div(
            emit.Sub(input, emit.Constant([1, 3, 1, 1], SrResNet.ImageNetMean)),
            emit.Constant([1, 3, 1, 1], SrResNet.ImageNetStd));
        string features = Block(emit, net.Head, x);
        string body = features;
        foreach (ResidualBlock block in net.Blocks)
        {
            body = emit.Add(Block(emit, block.Second, Block(emit, block.First, body)), body);
        }

        x = emit.Add(Block(emit, net.BodyTail, body), features);
        foreach (SubPixelBlock stage in net.Stages)
        {
            x = emit.PRelu(emit.DepthToSpace(emit.Conv(x, stage.Conv), stage.Factor), stage.Activation);
        }

        x = Block(emit, net.Tail, x);
        return emit.Mul(emit.Add(x, emit.Constant([1], 1f)), emit.Constant([1], 0.5f));
    }

    private static string Block(GraphEmitter emit, ConvolutionalBlock block, string input)
    {
        string x = emit.Conv(input, block.Conv, block.Norm);
        return block.Kind switch
        {
            Activation.None => x,
            Activation.PRelu => emit.PRelu(x, (ParametricRelu)block.ActivationModule!),
            Activation.LeakyRelu => emit.LeakyRelu(x, 0.2f),
            Activation.Tanh => emit.Tanh(x),
            Activation.Relu => emit.Relu(x),
            _ => throw new NotSupportedException(block.Kind.ToString()),
        };
    }

    /// <summary>The luma path: Y in, the core, bicubic chroma back (see <see cref="LumaPath"/>).</summary>
    private static string LumaGraph(GraphEmitter emit, LumaNetwork net, string input)
    {
        int s = net.Scale;
        string y = Luma(emit, input);
        if (net.Core is RealtimeCore residual)
        {
            // The core is bicubic(Y) + detail, and Luma(bicubic(RGB)) = bicubic(Y) exactly (both linear, phase
            // weights sum to 1), so the general path below reduces to bicubic(RGB) + detail / gain: no bicubic of Y,
            // no HR luma (faster per 720p frame; figures in media/README.md).
            float gain = 1 / LumaPath.LumaGain;
            if (residual.Fold == 1)
            {
                // The detail's s² phases go onto each colour's bicubic phases before one pixel shuffle: a separate
                // shuffle of the detail and an add would cost another pass over the HR frame.
                string layers = RealtimeLayers(emit, residual, y);
                string detail = emit.Conv(layers, ScaledToPhases(residual, gain), residual.ToPhases.weight!.shape, ScaledBias(residual, gain), padding: 1);
                return emit.DepthToSpace(emit.AddToEachGroup(Phases(emit, input, 3, s), detail, 3, s * s), s);
            }

            return emit.Add(emit.DepthToSpace(Phases(emit, input, 3, s), s), RealtimeDetailGraph(emit, residual, y, gain));
        }

        string ySr = net.Core switch
        {
            EspcnCore espcn => EspcnGraph(emit, espcn, y),
            FsrcnnCore fsrcnn => FsrcnnGraph(emit, fsrcnn, y),
            SrcnnCore srcnn => SrcnnGraph(emit, srcnn, y),
            _ => throw new NotSupportedException($"no ONNX export for {net.Core.GetType().Name}"),
        };
        string rgbBicubic = emit.DepthToSpace(Phases(emit, input, 3, s), s);
        string delta = emit.Mul(emit.Sub(ySr, Luma(emit, rgbBicubic)), emit.Constant([1], 1 / LumaPath.LumaGain));
        return emit.Add(rgbBicubic, delta);
    }

    private static string Luma(GraphEmitter emit, string rgb) =>
        emit.Conv(rgb, LumaPath.Weights, [1, 3, 1, 1], [LumaPath.Offset], padding: 0);

    /// <summary>The fixed bicubic phase convolution (edge padding, grouped 5×5) of <see cref="BicubicPhases"/>.</summary>
    private static string Phases(GraphEmitter emit, string input, int channels, int factor)
    {
        float[] single = BicubicPhaseKernel.Weights(factor);
        var weights = new float[channels * single.Length];
        for (int c = 0; c < channels; c++)
        {
            single.CopyTo(weights, c * single.Length);
        }

        string padded = emit.PadEdge(input, BicubicPhaseKernel.Padding);
        return emit.Conv(padded, weights, [channels * factor * factor, 1, BicubicPhaseKernel.Size, BicubicPhaseKernel.Size],
            bias: null, padding: 0, group: channels);
    }

    private static string EspcnGraph(GraphEmitter emit, EspcnCore core, string y)
    {
        var convs = core.Convolutions;
        string x = emit.Tanh(emit.Conv(y, convs[0]));
        x = emit.Tanh(emit.Conv(x, convs[1]));
        return emit.DepthToSpace(emit.Conv(x, convs[2]), core.Scale);
    }

    private static string FsrcnnGraph(GraphEmitter emit, FsrcnnCore core, string y)
    {
        string x = y;
        foreach (var layer in core.Layers)
        {
            x = layer switch
            {
                Conv2d conv => emit.Conv(x, conv),
                ParametricRelu prelu => emit.PRelu(x, prelu),
                _ => throw new NotSupportedException(layer.GetType().Name),
            };
        }

        return emit.ConvTranspose(x, core.Deconv);
    }

    private static string SrcnnGraph(GraphEmitter emit, SrcnnCore core, string y)
    {
        var convs = core.Convolutions;
        string x = emit.DepthToSpace(Phases(emit, y, 1, core.Scale), core.Scale);
        x = emit.Relu(emit.Conv(x, convs[0]));
        x = emit.Relu(emit.Conv(x, convs[1]));
        return emit.Conv(x, convs[2]);
    }

    /// <summary>
    /// The real-time core's learned detail at HR, [N, 1, sH, sW], times <paramref name="gain"/> (folded into the
    /// last conv): <see cref="RealtimeCore"/>.forward without its bicubic term.
    /// </summary>
    private static string RealtimeDetailGraph(GraphEmitter emit, RealtimeCore core, string y, float gain)
    {
        float[] weight = ScaledToPhases(core, gain);
        float[] bias = ScaledBias(core, gain);
        long[] shape = core.ToPhases.weight!.shape;
        if (core.Fold == 1)
        {
            return emit.DepthToSpace(emit.Conv(RealtimeLayers(emit, core, y), weight, shape, bias, padding: 1), core.Scale);
        }

        // As RealtimeCore.forward: pad to a multiple of the fold, fold, layers, unfold to HR, crop.
        string folded = emit.SpaceToDepth(emit.PadEdgeToMultiple(y, core.Fold), core.Fold);
        string detail = emit.DepthToSpace(emit.Conv(RealtimeLayers(emit, core, folded), weight, shape, bias, padding: 1), core.Scale * core.Fold);
        return emit.CropToScaled(detail, y, core.Scale);
    }

    private static float[] ScaledToPhases(RealtimeCore core, float gain) => GraphEmitter.Values(core.ToPhases.weight!).Select(w => w * gain).ToArray();

    private static float[] ScaledBias(RealtimeCore core, float gain) => GraphEmitter.Values(core.ToPhases.bias!).Select(b => b * gain).ToArray();

    private static string RealtimeLayers(GraphEmitter emit, RealtimeCore core, string input)
    {
        string x = input;
        foreach (Conv2d conv in core.Body)
        {
            x = emit.Relu(emit.Conv(x, conv));
        }

        return x;
    }
}

using RealtimeSR.Trainer.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// The project's own real-time net on luma: <c>Blocks</c> 3×3 conv + ReLU layers <c>Channels</c> wide, a 3×3 conv
/// to sub-pixel channels, plus the bicubic phases of the input (a global bicubic residual, so the layers only learn
/// the detail bicubic misses), then a pixel shuffle. Conv + ReLU is what ONNX Runtime fuses best on CPU.
/// </summary>
/// <remarks>
/// With <c>Fold</c> f &gt; 1 the layers work at 1/f of the LR resolution on a pixel-unshuffled input (f² channels)
/// and emit (scale·f)² sub-pixel channels. Thin layers at full resolution are memory-bound on a CPU; folding does the
/// same multiply-adds per output pixel on f² times fewer, wider positions (measured: see media/README.md). Sizes that
/// are not a multiple of f are edge-padded up to one and the output is cropped back, so any size works.
/// </remarks>
internal sealed class RealtimeCore : nn.Module<Tensor, Tensor>, ILumaCore
{
    public const string ArchitectureName = "realtime";

    public static readonly NetworkArchitecture Architecture = new(
        ArchitectureName,
        "the project's real-time net on luma: blocks 3x3 conv+ReLU layers of channels width, global bicubic residual",
        scale => new NetworkOptions(ArchitectureName, scale, Channels: 32, Blocks: 4),
        options => new LumaNetwork("Realtime", options, new RealtimeCore(options.Channels, options.Blocks, options.Scale, options.Fold)))
    {
        Folds = true,
    };

    /// <summary>
    /// What the RGB graph multiplies the last convolution's weights and bias by (<see cref="EmitRgbOnnx"/>: the
    /// detail is added to RGB, not to studio-range Y); reading an exported model back divides it out.
    /// </summary>
    public const float ExportedPhaseGain = 1 / LumaPath.LumaGain;

    private readonly Sequential body;
    private readonly Conv2d toPhases;
    private readonly BicubicPhases bicubic;

    public RealtimeCore(int channels, int blocks, int scale, int fold = 1)
        : base(nameof(RealtimeCore))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fold, 1);
        int inputs = fold * fold;
        body = nn.Sequential(Enumerable.Range(0, blocks)
            .Select(i => ($"{i}", (nn.Module<Tensor, Tensor>)nn.Conv2d(i == 0 ? inputs : channels, channels, 3, padding: 1))));
        toPhases = nn.Conv2d(blocks == 0 ? inputs : channels, scale * fold * scale * fold, 3, padding: 1);
        bicubic = new BicubicPhases(1, scale);
        Scale = scale;
        Fold = fold;
        RegisterComponents();
    }

    public int Scale { get; }

    /// <summary>Space-to-depth factor of the input (1: the layers run at LR resolution).</summary>
    public int Fold { get; }

    public IEnumerable<Conv2d> Body => body.children().Cast<Conv2d>();

    public Conv2d ToPhases => toPhases;

    public BicubicPhases Bicubic => bicubic;

    public override Tensor forward(Tensor input)
    {
        if (Fold == 1)
        {
            return nn.functional.pixel_shuffle(toPhases.forward(Layers(input)).add_(bicubic.forward(input), LongLivedScalars.One), Scale);
        }

        long height = input.shape[2];
        long width = input.shape[3];
        long padHeight = (Fold - height % Fold) % Fold;
        long padWidth = (Fold - width % Fold) % Fold;
        Tensor x = padHeight + padWidth == 0
            ? input
            : nn.functional.pad(input, [0, padWidth, 0, padHeight], PaddingModes.Replicate);
        Tensor detail = nn.functional.pixel_shuffle(toPhases.forward(Layers(nn.functional.pixel_unshuffle(x, Fold))), Scale * Fold);
        if (padHeight + padWidth != 0)
        {
            detail = detail[.., .., ..(int)(height * Scale), ..(int)(width * Scale)];
        }

        return detail.add(nn.functional.pixel_shuffle(bicubic.forward(input), Scale), LongLivedScalars.One);
    }

    private Tensor Layers(Tensor input)
    {
        Tensor x = input;
        foreach (Conv2d conv in Body)
        {
            x = conv.forward(x).relu_();
        }

        return x;
    }

    public nn.Module<Tensor, Tensor> Module => this;

    public string EmitOnnx(GraphEmitter emit, string y) =>
        emit.Add(emit.DepthToSpace(emit.BicubicPhases(y, 1, Scale), Scale), EmitDetail(emit, y, 1f));

    /// <summary>
    /// The core is bicubic(Y) + detail, and Luma(bicubic(RGB)) = bicubic(Y) exactly (both linear, phase weights sum
    /// to 1), so the whole luma network reduces to bicubic(RGB) + detail / gain: no bicubic of Y, no HR luma (faster
    /// per frame; figures in media/README.md).
    /// </summary>
    public string? EmitRgbOnnx(GraphEmitter emit, string rgb, string y)
    {
        float gain = ExportedPhaseGain;
        if (Fold == 1)
        {
            // The detail's s² phases go onto each colour's bicubic phases before one pixel shuffle: a separate
            // shuffle of the detail and an add would cost another pass over the HR frame.
            string detail = emit.Conv(EmitLayers(emit, y), ScaledPhaseWeights(gain), toPhases.weight!.shape, ScaledPhaseBias(gain), padding: 1);
            return emit.DepthToSpace(emit.AddToEachGroup(emit.BicubicPhases(rgb, 3, Scale), detail, 3, Scale * Scale), Scale);
        }

        return emit.Add(emit.DepthToSpace(emit.BicubicPhases(rgb, 3, Scale), Scale), EmitDetail(emit, y, gain));
    }

    /// <summary>The learned detail at HR, [N, 1, sH, sW], times <paramref name="gain"/> (folded into the last conv).</summary>
    private string EmitDetail(GraphEmitter emit, string y, float gain)
    {
        float[] weight = ScaledPhaseWeights(gain);
        float[] bias = ScaledPhaseBias(gain);
        long[] shape = toPhases.weight!.shape;
        if (Fold == 1)
        {
            return emit.DepthToSpace(emit.Conv(EmitLayers(emit, y), weight, shape, bias, padding: 1), Scale);
        }

        // As forward: pad to a multiple of the fold, fold, layers, unfold to HR, crop.
        string folded = emit.SpaceToDepth(emit.PadEdgeToMultiple(y, Fold), Fold);
        string detail = emit.DepthToSpace(emit.Conv(EmitLayers(emit, folded), weight, shape, bias, padding: 1), Scale * Fold);
        return emit.CropToScaled(detail, y, Scale);
    }

    private float[] ScaledPhaseWeights(float gain) => GraphEmitter.Values(toPhases.weight!).Select(w => w * gain).ToArray();

    private float[] ScaledPhaseBias(float gain) => GraphEmitter.Values(toPhases.bias!).Select(b => b * gain).ToArray();

    private string EmitLayers(GraphEmitter emit, string input)
    {
        string x = input;
        foreach (Conv2d conv in Body)
        {
            x = emit.Relu(emit.Conv(x, conv));
        }

        return x;
    }
}

using RealtimeSR.Trainer.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// SRResNet as in the tutorial (Ledig et al.): 9×9 head with PReLU, <c>Blocks</c> residual blocks of 3×3 conv + BN at
/// <c>Channels</c> wide, a 3×3 conv + BN with a long skip, sub-pixel ×2 stages (one ×3 stage for scale 3), and a
/// 9×9 tail with tanh. It is trained on ImageNet-normalised input with output in [−1, 1]; both mappings are part of
/// <see cref="forward"/> so that it honours the [0, 1] contract.
/// </summary>
internal sealed class SrResNet : SrNetwork
{
    public const string ArchitectureName = "srresnet";
    public const int LargeKernel = 9;
    public const int SmallKernel = 3;
    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    public static readonly NetworkArchitecture Architecture = new(
        ArchitectureName,
        "SRResNet (Ledig et al.), RGB: channels = feature width, blocks = residual blocks",
        scale => new NetworkOptions(ArchitectureName, scale, Channels: 64, Blocks: 16),
        options => new SrResNet(options))
    {
        Scales = [2, 3, 4, 8],
        LearningRate = 1e-4,
    };

    private readonly ConvolutionalBlock head;
    private readonly Sequential body;
    private readonly ConvolutionalBlock bodyTail;
    private readonly Sequential upsampler;
    private readonly ConvolutionalBlock tail;
    private readonly Tensor mean;
    private readonly Tensor std;

    public SrResNet(NetworkOptions options)
        : base(nameof(SrResNet), options)
    {
        int c = options.Channels;
        head = new ConvolutionalBlock(3, c, LargeKernel, activation: Activation.PRelu);
        body = nn.Sequential(Enumerable.Range(0, options.Blocks)
            .Select(i => ($"{i}", (nn.Module<Tensor, Tensor>)new ResidualBlock(c, SmallKernel))));
        bodyTail = new ConvolutionalBlock(c, c, SmallKernel, batchNorm: true);
        upsampler = nn.Sequential(StageFactors(options.Scale)
            .Select((f, i) => ($"{i}", (nn.Module<Tensor, Tensor>)new SubPixelBlock(c, SmallKernel, f))));
        tail = new ConvolutionalBlock(c, 3, LargeKernel, activation: Activation.Tanh);
        mean = tensor(ImageNetMean).reshape(1, 3, 1, 1);
        std = tensor(ImageNetStd).reshape(1, 3, 1, 1);
        RegisterComponents();
    }

    /// <summary>The pixel-shuffle factor of each upscaling stage.</summary>
    public static int[] StageFactors(int scale) => scale == 3
        ? [3]
        : Enumerable.Repeat(2, (int)Math.Log2(scale)).ToArray();

    public ConvolutionalBlock Head => head;

    public IEnumerable<ResidualBlock> Blocks => body.children().Cast<ResidualBlock>();

    public ConvolutionalBlock BodyTail => bodyTail;

    public IEnumerable<SubPixelBlock> Stages => upsampler.children().Cast<SubPixelBlock>();

    public ConvolutionalBlock Tail => tail;

    public override Tensor forward(Tensor input)
    {
        Tensor normalised = input.sub(mean).div_(std);
        Tensor features = head.forward(normalised);
        Tensor x = bodyTail.forward(body.forward(features)).add_(features, LongLivedScalars.One);
        Tensor y = tail.forward(upsampler.forward(x));
        return y.add(LongLivedScalars.One, LongLivedScalars.One).mul_(LongLivedScalars.Half); // tanh's [−1, 1] to the contract's [0, 1]
    }

    public override string EmitOnnx(GraphEmitter emit, string rgb)
    {
        // (x − mean) / std stays explicit: folding it into the 9×9 head would change how its zero padding acts.
        string x = emit.Div(emit.Sub(rgb, emit.Constant([1, 3, 1, 1], ImageNetMean)), emit.Constant([1, 3, 1, 1], ImageNetStd));
        string features = head.EmitOnnx(emit, x);
        string body = features;
        foreach (ResidualBlock block in Blocks)
        {
            body = emit.Add(block.Second.EmitOnnx(emit, block.First.EmitOnnx(emit, body)), body);
        }

        x = emit.Add(bodyTail.EmitOnnx(emit, body), features);
        foreach (SubPixelBlock stage in Stages)
        {
            x = emit.PRelu(emit.DepthToSpace(emit.Conv(x, stage.Conv), stage.Factor), stage.Activation);
        }

        x = tail.EmitOnnx(emit, x);
        return emit.Mul(emit.Add(x, emit.Constant([1], 1f)), emit.Constant([1], 0.5f));
    }
}

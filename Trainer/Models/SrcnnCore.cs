using RealtimeSR.Trainer.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// SRCNN (Dong et al. 2014, the 9-5-5 variant) on luma: bicubic upscale first, then 9×9 conv to <c>Channels</c>,
/// ReLU, 5×5 conv to half as many, ReLU, 5×5 conv to one channel, all at HR resolution ('same' padding).
/// </summary>
internal sealed class SrcnnCore : nn.Module<Tensor, Tensor>, ILumaCore
{
    public const string ArchitectureName = "srcnn";

    public static readonly NetworkArchitecture Architecture = new(
        ArchitectureName,
        "SRCNN (Dong et al., 9-5-5) on luma at HR: channels = first layer's width",
        scale => new NetworkOptions(ArchitectureName, scale, Channels: 64, Blocks: 0),
        options => new LumaNetwork("Srcnn", options, new SrcnnCore(options.Channels, options.Scale)));

    private readonly BicubicPhases upscale;
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Conv2d conv3;

    public SrcnnCore(int channels, int scale)
        : base(nameof(SrcnnCore))
    {
        upscale = new BicubicPhases(1, scale);
        conv1 = nn.Conv2d(1, channels, 9, padding: 4);
        conv2 = nn.Conv2d(channels, channels / 2, 5, padding: 2);
        conv3 = nn.Conv2d(channels / 2, 1, 5, padding: 2);
        Scale = scale;
        RegisterComponents();
    }

    public int Scale { get; }

    public BicubicPhases Upscale => upscale;

    public IReadOnlyList<Conv2d> Convolutions => [conv1, conv2, conv3];

    public override Tensor forward(Tensor input)
    {
        Tensor x = nn.functional.pixel_shuffle(upscale.forward(input), Scale);
        x = conv1.forward(x).relu_();
        x = conv2.forward(x).relu_();
        return conv3.forward(x);
    }

    public nn.Module<Tensor, Tensor> Module => this;

    public string EmitOnnx(GraphEmitter emit, string y)
    {
        string x = emit.DepthToSpace(emit.BicubicPhases(y, 1, Scale), Scale);
        x = emit.Relu(emit.Conv(x, conv1));
        x = emit.Relu(emit.Conv(x, conv2));
        return emit.Conv(x, conv3);
    }
}

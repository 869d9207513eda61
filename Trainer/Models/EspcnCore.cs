using RealtimeSR.Trainer.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// ESPCN (Shi et al. 2016) on luma: 5×5 conv to <c>Channels</c>, tanh, 3×3 conv to half as many, tanh, 3×3 conv to
/// scale² and a pixel shuffle. All convolutions run at LR resolution.
/// </summary>
internal sealed class EspcnCore : nn.Module<Tensor, Tensor>, ILumaCore
{
    public const string ArchitectureName = "espcn";

    public static readonly NetworkArchitecture Architecture = new(
        ArchitectureName,
        "ESPCN (Shi et al.) on luma: channels = first layer's width",
        scale => new NetworkOptions(ArchitectureName, scale, Channels: 64, Blocks: 0),
        options => new LumaNetwork("Espcn", options, new EspcnCore(options.Channels, options.Scale)));

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Conv2d conv3;

    public EspcnCore(int channels, int scale)
        : base(nameof(EspcnCore))
    {
        conv1 = nn.Conv2d(1, channels, 5, padding: 2);
        conv2 = nn.Conv2d(channels, channels / 2, 3, padding: 1);
        conv3 = nn.Conv2d(channels / 2, scale * scale, 3, padding: 1);
        Scale = scale;
        RegisterComponents();
    }

    public int Scale { get; }

    public IReadOnlyList<Conv2d> Convolutions => [conv1, conv2, conv3];

    public override Tensor forward(Tensor input)
    {
        Tensor x = conv1.forward(input).tanh_();
        x = conv2.forward(x).tanh_();
        return nn.functional.pixel_shuffle(conv3.forward(x), Scale);
    }

    public nn.Module<Tensor, Tensor> Module => this;

    public string EmitOnnx(GraphEmitter emit, string y)
    {
        string x = emit.Tanh(emit.Conv(y, conv1));
        x = emit.Tanh(emit.Conv(x, conv2));
        return emit.DepthToSpace(emit.Conv(x, conv3), Scale);
    }
}

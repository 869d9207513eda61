using RealtimeSR.Trainer.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// FSRCNN (Dong et al. 2016) on luma: 5×5 feature extraction to d channels, 1×1 shrink to s, m 3×3 mapping
/// layers, 1×1 expand to d (PReLU after each), and a 9×9 transposed convolution with stride = scale.
/// d = <c>Channels</c>, s = <c>ShrinkChannels</c>, m = <c>Blocks</c>.
/// </summary>
internal sealed class FsrcnnCore : nn.Module<Tensor, Tensor>, ILumaCore
{
    public const string ArchitectureName = "fsrcnn";
    public const int DeconvKernel = 9;

    public static readonly NetworkArchitecture Architecture = new(
        ArchitectureName,
        "FSRCNN (Dong et al.) on luma: channels = d, blocks = mapping layers m (s = 12)",
        scale => new NetworkOptions(ArchitectureName, scale, Channels: 56, Blocks: 4, ShrinkChannels: 12),
        options => new LumaNetwork("Fsrcnn", options, new FsrcnnCore(options.Channels, options.ShrinkChannels, options.Blocks, options.Scale)));

    private readonly Sequential features;
    private readonly ConvTranspose2d deconv;

    public FsrcnnCore(int d, int s, int m, int scale)
        : base(nameof(FsrcnnCore))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        void Add(int inChannels, int outChannels, int kernel)
        {
            layers.Add(($"{layers.Count}", nn.Conv2d(inChannels, outChannels, kernel, padding: kernel / 2)));
            layers.Add(($"{layers.Count}", new ParametricRelu(outChannels)));
        }

        Add(1, d, 5);
        Add(d, s, 1);
        for (int i = 0; i < m; i++)
        {
            Add(s, s, 3);
        }

        Add(s, d, 1);
        features = nn.Sequential(layers);
        deconv = nn.ConvTranspose2d(d, 1, DeconvKernel, stride: scale, padding: DeconvKernel / 2, output_padding: scale - 1);
        Scale = scale;
        RegisterComponents();
    }

    public int Scale { get; }

    /// <summary>Alternating Conv2d and PReLU modules.</summary>
    public IEnumerable<nn.Module<Tensor, Tensor>> Layers => features.children().Cast<nn.Module<Tensor, Tensor>>();

    public ConvTranspose2d Deconv => deconv;

    public override Tensor forward(Tensor input) => deconv.forward(features.forward(input));

    public nn.Module<Tensor, Tensor> Module => this;

    public string EmitOnnx(GraphEmitter emit, string y)
    {
        string x = y;
        foreach (var layer in Layers)
        {
            x = layer switch
            {
                Conv2d conv => emit.Conv(x, conv),
                ParametricRelu prelu => emit.PRelu(x, prelu),
                _ => throw new NotSupportedException(layer.GetType().Name),
            };
        }

        return emit.ConvTranspose(x, deconv);
    }
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// FSRCNN (Dong et al. 2016) on luma: 5×5 feature extraction to d channels, 1×1 shrink to s, m 3×3 mapping
/// layers, 1×1 expand to d (PReLU after each), and a 9×9 transposed convolution with stride = scale.
/// d = <c>Channels</c>, s = <c>ShrinkChannels</c>, m = <c>Blocks</c>.
/// </summary>
internal sealed class FsrcnnCore : nn.Module<Tensor, Tensor>
{
    public const int DeconvKernel = 9;

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
}

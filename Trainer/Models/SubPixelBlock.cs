using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>Conv to factor² × channels, pixel shuffle by factor, PReLU: one upscaling stage of SRResNet.</summary>
internal sealed class SubPixelBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly PixelShuffle shuffle;
    private readonly ParametricRelu activation;

    public SubPixelBlock(int channels, int kernelSize, int factor)
        : base(nameof(SubPixelBlock))
    {
        conv = nn.Conv2d(channels, channels * factor * factor, kernelSize, padding: kernelSize / 2);
        shuffle = nn.PixelShuffle(factor);
        activation = new ParametricRelu(1);
        Factor = factor;
        RegisterComponents();
    }

    public int Factor { get; }

    public Conv2d Conv => conv;

    public ParametricRelu Activation => activation;

    public override Tensor forward(Tensor input) => activation.forward(shuffle.forward(conv.forward(input)));
}

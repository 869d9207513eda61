using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>SRResNet's residual block: conv-BN-PReLU, conv-BN, plus the input.</summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvolutionalBlock first;
    private readonly ConvolutionalBlock second;

    public ResidualBlock(int channels, int kernelSize)
        : base(nameof(ResidualBlock))
    {
        first = new ConvolutionalBlock(channels, channels, kernelSize, batchNorm: true, activation: Activation.PRelu);
        second = new ConvolutionalBlock(channels, channels, kernelSize, batchNorm: true);
        RegisterComponents();
    }

    public ConvolutionalBlock First => first;

    public ConvolutionalBlock Second => second;

    public override Tensor forward(Tensor input) => second.forward(first.forward(input)).add_(input, LongLivedScalars.One);
}

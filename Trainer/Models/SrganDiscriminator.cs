using RealtimeSR.Trainer.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// The tutorial's SRGAN discriminator: 8 conv blocks (3×3, LeakyReLU 0.2, BN from the second on), channels 64 doubling
/// every second block while the stride alternates 1/2, adaptive average pool to 6×6, a 1024-wide dense layer and
/// one logit. Input: ImageNet-normalised RGB, NCHW, any size.
/// </summary>
internal sealed class SrganDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential blocks;
    private readonly AdaptiveAvgPool2d pool;
    private readonly Linear fc1;
    private readonly LeakyRelu activation;
    private readonly Linear fc2;

    static SrganDiscriminator() => LibTorchKernels.EnsureNativeConvolutions();

    public SrganDiscriminator(int channels = 64, int blockCount = 8, int fcSize = 1024)
        : base(nameof(SrganDiscriminator))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int inChannels = 3, outChannels = channels;
        for (int i = 0; i < blockCount; i++)
        {
            outChannels = i % 2 == 0 ? (i == 0 ? channels : inChannels * 2) : inChannels;
            layers.Add(($"{i}", new ConvolutionalBlock(inChannels, outChannels, 3, stride: i % 2 == 0 ? 1 : 2,
                batchNorm: i != 0, activation: Activation.LeakyRelu)));
            inChannels = outChannels;
        }

        blocks = nn.Sequential(layers);
        pool = nn.AdaptiveAvgPool2d([6, 6]);
        fc1 = nn.Linear(outChannels * 6 * 6, fcSize);
        activation = new LeakyRelu(0.2);
        fc2 = nn.Linear(fcSize, 1);
        RegisterComponents();
    }

    /// <summary>One logit per picture, [N, 1]: high for "real".</summary>
    public override Tensor forward(Tensor input)
    {
        Tensor x = pool.forward(blocks.forward(input)).flatten(1);
        return fc2.forward(activation.forward(fc1.forward(x)));
    }
}

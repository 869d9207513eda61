using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// VGG19's convolutional part up to the ReLU after conv5_4 (the seed's i = 5, j = 4 truncation; torchvision
/// <c>features[:36]</c>), for SRGAN's content loss. Layer names match torchvision (<c>features.0.weight</c> …), so
/// a state dict of torchvision's VGG19 loads as is. Input: ImageNet-normalised RGB. Never trained here.
/// </summary>
internal sealed class Vgg19Features : nn.Module<Tensor, Tensor>
{
    // Output channels per conv, 0 for a 2×2 max pool, in torchvision's order up to conv5_4.
    private static readonly int[] Layout = [64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512];

    private readonly Sequential features;

    public Vgg19Features()
        : base(nameof(Vgg19Features))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int inChannels = 3;
        foreach (int outChannels in Layout)
        {
            if (outChannels == 0)
            {
                layers.Add(($"{layers.Count}", nn.MaxPool2d(2, 2)));
                continue;
            }

            layers.Add(($"{layers.Count}", nn.Conv2d(inChannels, outChannels, 3, padding: 1)));
            layers.Add(($"{layers.Count}", nn.ReLU()));
            inChannels = outChannels;
        }

        features = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => features.forward(input);
}

using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// The project's own real-time net on luma: <c>Blocks</c> 3×3 conv + ReLU layers <c>Channels</c> wide at LR
/// resolution, a 3×3 conv to scale² sub-pixel channels, plus the bicubic phases of the input (a global bicubic
/// residual, so the layers only learn the detail bicubic misses), then a pixel shuffle. Conv + ReLU is what
/// ONNX Runtime fuses best on CPU.
/// </summary>
internal sealed class RealtimeCore : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Conv2d toPhases;
    private readonly BicubicPhases bicubic;

    public RealtimeCore(int channels, int blocks, int scale)
        : base(nameof(RealtimeCore))
    {
        body = nn.Sequential(Enumerable.Range(0, blocks)
            .Select(i => ($"{i}", (nn.Module<Tensor, Tensor>)nn.Conv2d(i == 0 ? 1 : channels, channels, 3, padding: 1))));
        toPhases = nn.Conv2d(blocks == 0 ? 1 : channels, scale * scale, 3, padding: 1);
        bicubic = new BicubicPhases(1, scale);
        Scale = scale;
        RegisterComponents();
    }

    public int Scale { get; }

    public IEnumerable<Conv2d> Body => body.children().Cast<Conv2d>();

    public Conv2d ToPhases => toPhases;

    public BicubicPhases Bicubic => bicubic;

    public override Tensor forward(Tensor input)
    {
        Tensor x = input;
        foreach (Conv2d conv in Body)
        {
            x = conv.forward(x).relu_();
        }

        return nn.functional.pixel_shuffle(toPhases.forward(x) + bicubic.forward(input), Scale);
    }
}

using RealtimeSR.Shared.Inference;
using RealtimeSR.Trainer.Models;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>
/// Runs a TorchSharp network on single pictures (validation during training, <c>eval</c> and <c>test</c> of a
/// checkpoint): eval mode, no gradients, output clamped to [0, 1]. Allocates per call: it is for pictures, not streams.
/// </summary>
internal sealed class TorchUpscaler : IUpscaler
{
    private readonly SrNetwork _network;
    private readonly Device _device;
    private readonly bool _ownsNetwork;

    public TorchUpscaler(SrNetwork network, Device device, string name, bool ownsNetwork)
    {
        _network = network;
        _device = device;
        Name = name;
        _ownsNetwork = ownsNetwork;
    }

    public string Name { get; }

    public int Scale => _network.Scale;

    public string ExecutionProvider => "none";

    public int Threads => 0;

    public bool AllowSpinning => false;

    public void Upscale(ReadOnlySpan<float> lr, int width, int height, Span<float> sr)
    {
        bool wasTraining = _network.training;
        _network.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor input = tensor(lr.ToArray(), [1, 3, height, width]).to(_device);
            Tensor output = _network.forward(input).clamp_(LongLivedScalars.Zero, LongLivedScalars.One).cpu();
            output.data<float>().CopyTo(sr);
        }
        finally
        {
            _network.train(wasTraining);
        }
    }

    public void Dispose()
    {
        if (_ownsNetwork)
        {
            _network.Dispose();
        }
    }
}

using RealtimeSR.Trainer.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>Convolution ('same' padding), optional batch norm, optional activation: the tutorial's building block.</summary>
internal sealed class ConvolutionalBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNormalization? norm;
    private readonly nn.Module<Tensor, Tensor>? activation;

    public ConvolutionalBlock(
        int inChannels, int outChannels, int kernelSize, int stride = 1, bool batchNorm = false, Activation activation = Activation.None)
        : base(nameof(ConvolutionalBlock))
    {
        conv = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: kernelSize / 2);
        norm = batchNorm ? new BatchNormalization(outChannels) : null;
        this.activation = activation switch
        {
            Activation.None => null,
            Activation.PRelu => new ParametricRelu(1),
            Activation.LeakyRelu => new LeakyRelu(0.2),
            Activation.Tanh => nn.Tanh(),
            Activation.Relu => nn.ReLU(),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
        };
        Kind = activation;
        RegisterComponents();
    }

    public Activation Kind { get; }

    public Conv2d Conv => conv;

    public BatchNormalization? Norm => norm;

    public nn.Module<Tensor, Tensor>? ActivationModule => activation;

    public override Tensor forward(Tensor input)
    {
        Tensor x = conv.forward(input);
        if (norm is not null)
        {
            x = norm.forward(x);
        }

        return activation is null ? x : activation.forward(x);
    }

    /// <summary>This block as ONNX nodes (batch norm folded into the convolution).</summary>
    public string EmitOnnx(GraphEmitter emit, string input)
    {
        string x = emit.Conv(input, conv, norm);
        return Kind switch
        {
            Activation.None => x,
            Activation.PRelu => emit.PRelu(x, (ParametricRelu)activation!),
            Activation.LeakyRelu => emit.LeakyRelu(x, 0.2f),
            Activation.Tanh => emit.Tanh(x),
            Activation.Relu => emit.Relu(x),
            _ => throw new NotSupportedException(Kind.ToString()),
        };
    }
}

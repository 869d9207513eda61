namespace RealtimeSR.Trainer.Models;

/// <summary>Activations the architectures use (each has an ONNX counterpart the exporter writes).</summary>
internal enum Activation
{
    None,
    PRelu,
    LeakyRelu,
    Tanh,
    Relu,
}

namespace RealtimeSR.Shared.Inference;

/// <summary>Where ONNX Runtime runs the model.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when it loads, otherwise CPU with one log line saying why.</summary>
    Auto,

    /// <summary>CUDA (device 0) or fail with <see cref="ExecutionProviderException"/>.</summary>
    Cuda,

    /// <summary>CPU only.</summary>
    Cpu,
}

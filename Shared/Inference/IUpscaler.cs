namespace RealtimeSR.Shared.Inference;

/// <summary>
/// What turns a low-resolution picture into one <see cref="Scale"/> times larger: a model, or bicubic for
/// comparison. One interface for every verb of both executables; <see cref="UpscalerAdapters"/> fit it to
/// <see cref="Imaging.Image"/>s and video frames.
/// </summary>
public interface IUpscaler : IDisposable
{
    /// <summary>"bicubic" or the model file's name, for tables and labels.</summary>
    string Name { get; }

    /// <summary>Output sides are this many times the input's.</summary>
    int Scale { get; }

    /// <summary>"cpu", "cuda", or "none" (bicubic, and TorchSharp checkpoints, run in this process's own code).</summary>
    string ExecutionProvider { get; }

    /// <summary>ONNX Runtime intra-op threads, 0 = not applicable.</summary>
    int Threads { get; }

    /// <summary>Whether ONNX Runtime's threads spin between runs.</summary>
    bool AllowSpinning { get; }

    /// <summary>
    /// Upscales <paramref name="lr"/> (planar CHW float RGB in [0, 1], <paramref name="width"/> × <paramref name="height"/>)
    /// into <paramref name="sr"/> (the same layout, Scale × both sides, clamped to [0, 1]). Allocation-free per call
    /// once a size has been seen.
    /// </summary>
    void Upscale(ReadOnlySpan<float> lr, int width, int height, Span<float> sr);
}

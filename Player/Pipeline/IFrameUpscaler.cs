using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>What the inference stage runs on each frame: a model, or bicubic for comparison.</summary>
public interface IFrameUpscaler : IDisposable
{
    /// <summary>"bicubic" or the model file's name, for tables.</summary>
    string Name { get; }

    /// <summary>Output sides are this many times the input's.</summary>
    int Scale { get; }

    /// <summary>"cpu", "cuda", or "none" (bicubic runs in plain C#).</summary>
    string ExecutionProvider { get; }

    /// <summary>ONNX Runtime intra-op threads, 0 = its default or not applicable.</summary>
    int Threads { get; }

    /// <summary>Whether ORT's threads spin between runs (false in the pipelined verbs).</summary>
    bool AllowSpinning { get; }

    /// <summary>
    /// Upscales <paramref name="lr"/> into <paramref name="sr"/> (Scale × its size). Both are planar CHW float RGB
    /// in [0,1]; <paramref name="sr"/> is clamped to [0,1].
    /// </summary>
    void Upscale(VideoFrame lr, VideoFrame sr);
}

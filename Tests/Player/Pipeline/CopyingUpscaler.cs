using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Player.Pipeline;

/// <summary>A ×1 "model" that copies frames, after <paramref name="beforeCopy"/> has seen each one (to be slow, or to fail).</summary>
internal sealed class CopyingUpscaler(string name, Action<VideoFrame> beforeCopy) : IFrameUpscaler
{
    public string Name => name;

    public int Scale => 1;

    public string ExecutionProvider => "none";

    public int Threads => 0;

    public bool AllowSpinning => false;

    /// <summary>Takes <paramref name="milliseconds"/> per frame: SR slower than the video.</summary>
    public static CopyingUpscaler Slow(int milliseconds) => new("slow", _ => Thread.Sleep(milliseconds));

    /// <summary>Fails with an <see cref="InferenceException"/> on frame <paramref name="failAt"/>.</summary>
    public static CopyingUpscaler Failing(long failAt) => new("failing", lr =>
    {
        if (lr.Index == failAt)
        {
            throw new InferenceException($"frame {failAt} failed");
        }
    });

    public void Upscale(VideoFrame lr, VideoFrame sr)
    {
        beforeCopy(lr);
        lr.Pixels.CopyTo(sr.Pixels, 0);
    }

    public void Dispose()
    {
    }
}

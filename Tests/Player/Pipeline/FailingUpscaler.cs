using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Player.Pipeline;

/// <summary>A ×1 "model" that copies frames and fails with an <see cref="InferenceException"/> on one frame index.</summary>
internal sealed class FailingUpscaler(long failAt) : IFrameUpscaler
{
    public string Name => "failing";

    public int Scale => 1;

    public string ExecutionProvider => "none";

    public int Threads => 0;

    public bool AllowSpinning => false;

    public void Upscale(VideoFrame lr, VideoFrame sr)
    {
        if (lr.Index == failAt)
        {
            throw new InferenceException($"frame {failAt} failed");
        }

        lr.Pixels.CopyTo(sr.Pixels, 0);
    }

    public void Dispose()
    {
    }
}

using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Player.Play;

/// <summary>A ×1 "model" that copies frames but takes <paramref name="milliseconds"/> each: SR slower than the video.</summary>
internal sealed class SlowUpscaler(int milliseconds) : IFrameUpscaler
{
    public string Name => "slow";

    public int Scale => 1;

    public string ExecutionProvider => "none";

    public int Threads => 0;

    public bool AllowSpinning => false;

    public void Upscale(VideoFrame lr, VideoFrame sr)
    {
        Thread.Sleep(milliseconds);
        lr.Pixels.CopyTo(sr.Pixels, 0);
    }

    public void Dispose()
    {
    }
}

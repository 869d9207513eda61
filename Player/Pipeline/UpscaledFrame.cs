using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// What the inference stage hands on: the LR frame and its SR result (same index, PTS and timeline history), both
/// pooled. The renderer needs both (bicubic pass | SR pass); the consumer returns both with <see cref="Return"/>.
/// </summary>
/// <param name="Lr">The decoded low-resolution frame.</param>
/// <param name="Sr">The upscaled frame, Scale × the LR size.</param>
/// <param name="Reference">With <c>play --reference</c>: the original high-resolution frame of the same index (SR size), pooled; else null.</param>
public readonly record struct UpscaledFrame(VideoFrame Lr, VideoFrame Sr, VideoFrame? Reference = null)
{
    public void Return()
    {
        Lr.Return();
        Sr.Return();
        Reference?.Return();
    }
}

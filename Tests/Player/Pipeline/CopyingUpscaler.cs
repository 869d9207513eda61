using RealtimeSR.Shared.Inference;

namespace RealtimeSR.Tests.Player.Pipeline;

/// <summary>
/// A ×1 "model" that copies frames, after <paramref name="beforeCopy"/> has seen the number of each call (from 0:
/// the frame index when nothing is dropped), to be slow or to fail.
/// </summary>
internal sealed class CopyingUpscaler(string name, Action<long> beforeCopy) : IUpscaler
{
    private long _calls;

    public string Name => name;

    public int Scale => 1;

    public string ExecutionProvider => "none";

    public int Threads => 0;

    public bool AllowSpinning => false;

    /// <summary>Takes <paramref name="milliseconds"/> per frame: SR slower than the video.</summary>
    public static CopyingUpscaler Slow(int milliseconds) => new("slow", _ => Thread.Sleep(milliseconds));

    /// <summary>Fails with an <see cref="InferenceException"/> on call (frame) <paramref name="failAt"/>.</summary>
    public static CopyingUpscaler Failing(long failAt) => new("failing", call =>
    {
        if (call == failAt)
        {
            throw new InferenceException($"frame {failAt} failed");
        }
    });

    public void Upscale(ReadOnlySpan<float> lr, int width, int height, Span<float> sr)
    {
        beforeCopy(_calls++);
        lr.CopyTo(sr);
    }

    public void Dispose()
    {
    }
}

using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Builds the evidence picture for <see cref="CompareMode.Side"/> or <see cref="CompareMode.Split"/> from an
/// <see cref="UpscaledFrame"/>: bicubic of the LR frame (MATLAB-compatible, same scale) beside or against the SR
/// frame. Reuses one output frame; not thread-safe (the encode stage's thread owns it).
/// </summary>
public sealed class CompareComposer
{
    private readonly BicubicUpscaler _bicubic;
    private readonly VideoFrame _bicubicFrame;
    private readonly VideoFrame _composed;

    /// <param name="mode"><see cref="CompareMode.Side"/> or <see cref="CompareMode.Split"/>.</param>
    /// <param name="lrWidth">LR frame width.</param>
    /// <param name="lrHeight">LR frame height.</param>
    /// <param name="scale">The SR scale.</param>
    public CompareComposer(CompareMode mode, int lrWidth, int lrHeight, int scale)
    {
        if (mode == CompareMode.None)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "a composer needs Side or Split");
        }

        Mode = mode;
        _bicubic = new BicubicUpscaler(scale);
        int w = lrWidth * scale, h = lrHeight * scale;
        _bicubicFrame = new VideoFrame(w, h);
        _composed = new VideoFrame(mode == CompareMode.Side ? 2 * w : w, h);
    }

    public CompareMode Mode { get; }

    /// <summary>Width of the composed picture.</summary>
    public int Width => _composed.Width;

    /// <summary>Height of the composed picture.</summary>
    public int Height => _composed.Height;

    /// <summary>Output sizes for a mode without building a composer (SR size for <see cref="CompareMode.None"/>).</summary>
    public static (int Width, int Height) SizeFor(CompareMode mode, int srWidth, int srHeight) =>
        mode == CompareMode.Side ? (2 * srWidth, srHeight) : (srWidth, srHeight);

    /// <summary>The composed picture for <paramref name="frame"/> (valid until the next call), carrying its metadata.</summary>
    public VideoFrame Compose(UpscaledFrame frame)
    {
        var sr = frame.Sr;
        _bicubic.Upscale(frame.Lr, _bicubicFrame);
        int w = sr.Width, h = sr.Height;
        for (int c = 0; c < 3; c++)
        {
            ReadOnlySpan<float> left = _bicubicFrame.Plane(c), right = sr.Plane(c);
            Span<float> target = _composed.Plane(c);
            for (int y = 0; y < h; y++)
            {
                if (Mode == CompareMode.Side)
                {
                    left.Slice(y * w, w).CopyTo(target.Slice(y * 2 * w, w));
                    right.Slice(y * w, w).CopyTo(target.Slice(y * 2 * w + w, w));
                }
                else
                {
                    int half = w / 2;
                    left.Slice(y * w, half).CopyTo(target.Slice(y * w, half));
                    right.Slice(y * w + half, w - half).CopyTo(target.Slice(y * w + half, w - half));
                    target[y * w + half] = 1f;
                }
            }
        }

        _composed.CopyMetadataFrom(sr);
        return _composed;
    }
}

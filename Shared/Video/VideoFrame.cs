using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Metrics;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// One picture on its way through the pipeline: planar CHW float RGB in [0,1] (all R, then G, then B; rows top to
/// bottom; exactly what <c>SrSession.Run</c> takes and returns), its size, its position in the stream and its
/// presentation time, and the <see cref="FrameTimeline"/> of what happened to it. Frames come from a
/// <see cref="FramePool"/> and go back to it; the buffer is reused, never reallocated.
/// </summary>
public sealed class VideoFrame
{
    internal VideoFrame(FramePool? pool, int width, int height)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"frame size {width}x{height} must be at least 1x1");
        }

        Pool = pool;
        Width = width;
        Height = height;
        Pixels = new float[checked(3 * width * height)];
    }

    /// <summary>A frame that belongs to no pool (tests, single pictures).</summary>
    public VideoFrame(int width, int height)
        : this(null, width, height)
    {
    }

    /// <summary>The pool the frame returns to, null for a free-standing frame.</summary>
    public FramePool? Pool { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>CHW float RGB in [0,1], length 3 × <see cref="Width"/> × <see cref="Height"/>.</summary>
    public float[] Pixels { get; }

    /// <summary>Samples in one colour plane (<see cref="Width"/> × <see cref="Height"/>).</summary>
    public int PlaneLength => Width * Height;

    /// <summary>Position in the decoded sequence, from 0.</summary>
    public long Index { get; set; }

    /// <summary>Presentation timestamp in units of <see cref="TimeBase"/> (the stream's own, so VFR survives).</summary>
    public long Pts { get; set; }

    /// <summary>Seconds per <see cref="Pts"/> unit.</summary>
    public Rational TimeBase { get; set; } = new(1, 1000);

    /// <summary>Presentation time in seconds.</summary>
    public double PtsSeconds => Pts * TimeBase.ToDouble();

    public FrameTimeline Timeline { get; } = new();

    /// <summary>For an SR frame: which of the player's models made it (an index into its model list; 0 where there is one).</summary>
    public int ModelIndex { get; set; }

    /// <summary>For an SR frame with a reference video: how it and its bicubic upscale score against the original; else <see cref="ReferenceScores.None"/>.</summary>
    public ReferenceScores Scores { get; set; } = ReferenceScores.None;

    /// <summary>One colour plane (0 = R, 1 = G, 2 = B), row-major.</summary>
    public Span<float> Plane(int channel) => Pixels.AsSpan(channel * PlaneLength, PlaneLength);

    /// <summary>Copies index, PTS, time base and timeline from <paramref name="source"/> (an SR frame from its LR frame).</summary>
    public void CopyMetadataFrom(VideoFrame source)
    {
        Index = source.Index;
        Pts = source.Pts;
        TimeBase = source.TimeBase;
        Timeline.CopyFrom(source.Timeline);
    }

    /// <summary>Gives the frame back to its pool (no-op for a free-standing frame).</summary>
    public void Return() => Pool?.Return(this);
}

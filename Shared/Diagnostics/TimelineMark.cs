namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// The moments recorded in a <see cref="FrameTimeline"/>, in the order a frame passes them. Each stage writes a
/// Start/End pair; a stage's time for a frame is End − Start.
/// </summary>
public enum TimelineMark
{
    /// <summary>The decoder began reading the frame's bytes from ffmpeg.</summary>
    DecodeStart,

    /// <summary>The frame's bytes are read (ffmpeg decoded and converted them to RGB24).</summary>
    DecodeEnd,

    /// <summary>Bytes to planar float [0,1] conversion finished (starts at DecodeEnd).</summary>
    ConvertEnd,

    /// <summary>The inference stage took the frame and started the model.</summary>
    InferStart,

    /// <summary>The model's output is in the SR frame.</summary>
    InferEnd,

    /// <summary>The consumer (encoder or renderer) took the frame.</summary>
    OutputStart,

    /// <summary>The consumer finished with the frame (written to ffmpeg, or uploaded).</summary>
    OutputEnd,

    /// <summary>The frame was shown on screen (player only).</summary>
    Present,
}

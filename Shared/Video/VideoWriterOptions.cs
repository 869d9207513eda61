namespace RealtimeSR.Shared.Video;

/// <summary>How a <see cref="VideoWriter"/> encodes. Immutable; defaults give x264 yuv420p at CRF 18.</summary>
public sealed record VideoWriterOptions
{
    /// <summary>ffmpeg encoder name, e.g. "libx264", "libx265", "ffv1".</summary>
    public string Codec { get; init; } = "libx264";

    /// <summary>Constant rate factor for encoders that have one (x264/x265/VP9): lower is better quality, 0–51 for x264.</summary>
    public int Crf { get; init; } = 18;

    /// <summary>Encoder speed preset for x264/x265 ("ultrafast" … "veryslow").</summary>
    public string Preset { get; init; } = "medium";

    /// <summary>Pixel format of the encoded stream, e.g. "yuv420p" (plays everywhere), "yuv444p".</summary>
    public string PixelFormat { get; init; } = "yuv420p";

    /// <summary>
    /// Encoder threads (<c>-threads</c>), or null for the encoder's own choice. libx264 with one thread makes the same
    /// stream on every machine; with its default (1.5 × cores) the stream depends on the core count.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Test hook: the encoder child may write at most this many bytes per file (RLIMIT_FSIZE through prlimit), so a
    /// full disk can be simulated honestly; null = no limit.
    /// </summary>
    public long? FileSizeLimit { get; init; }
}

namespace RealtimeSR.Shared.Video;

/// <summary>What <see cref="VideoProbe"/> learns about a file's first video stream and its other streams.</summary>
public sealed record VideoInfo
{
    public required string Path { get; init; }

    /// <summary>Container format name(s), e.g. "matroska,webm".</summary>
    public required string Format { get; init; }

    /// <summary>Index of the video stream in the file.</summary>
    public required int StreamIndex { get; init; }

    public required string Codec { get; init; }

    /// <summary>Decoded picture width in pixels (before rotation).</summary>
    public required int Width { get; init; }

    /// <summary>Decoded picture height in pixels (before rotation).</summary>
    public required int Height { get; init; }

    /// <summary>Pixel format, e.g. "yuv420p".</summary>
    public required string PixelFormat { get; init; }

    /// <summary>Sample (pixel) aspect ratio; 0/0 when unknown.</summary>
    public required Rational SampleAspectRatio { get; init; }

    /// <summary>Display rotation in degrees (counter-clockwise, as the display matrix says), 0 when none.</summary>
    public required int Rotation { get; init; }

    /// <summary>Frame rate: the average rate when known, else the stream's base rate (r_frame_rate).</summary>
    public required Rational FrameRate { get; init; }

    /// <summary>Seconds per timestamp unit of the stream.</summary>
    public required Rational TimeBase { get; init; }

    /// <summary>Stream (or, failing that, container) duration in seconds; NaN when unknown.</summary>
    public required double Duration { get; init; }

    /// <summary>Frame count the container declares (nb_frames), null when it does not.</summary>
    public required long? DeclaredFrameCount { get; init; }

    public required ColourTags Colour { get; init; }

    public required IReadOnlyList<AudioStreamInfo> AudioStreams { get; init; }

    public required IReadOnlyList<SubtitleStreamInfo> SubtitleStreams { get; init; }

    /// <summary>The video stream's bit rate (the container's when the stream has none), bits per second; null when unknown.</summary>
    public double? BitRate { get; init; }

    /// <summary>The time base frames are stamped in (the reader's) and encoded in (the writer's): the stream's, or 1/1000 where it has none.</summary>
    public Rational TimestampTimeBase => TimeBase.IsKnown ? TimeBase : new Rational(1, 1000);

    /// <summary>Frames per second as a number (0 when unknown).</summary>
    public double FramesPerSecond => FrameRate.ToDouble();

    /// <summary>Bits per pixel per frame (how hard the encoder had to squeeze); null when the bit rate or frame rate is unknown.</summary>
    public double? BitsPerPixel => BitRate is { } rate && FramesPerSecond > 0 ? rate / ((double)Width * Height * FramesPerSecond) : null;
}

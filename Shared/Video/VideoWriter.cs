using System.Globalization;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Encodes <see cref="VideoFrame"/>s (planar float RGB in [0,1]) with an ffmpeg child process into a file that
/// keeps what the source had: its frame timestamps (VFR stays VFR), colour tags, rotation and aspect ratio, and
/// its audio and subtitle streams copied untouched. The file is written under a temporary name
/// (<see cref="AtomicFile.TemporaryPathFor"/>) and renamed only by <see cref="Complete"/>; disposing without
/// completing deletes it. Not thread-safe: one writing thread.
/// </summary>
public sealed class VideoWriter : IDisposable
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromMinutes(10);

    private readonly FfmpegProcess _ffmpeg;
    private readonly Stream _input;
    private readonly byte[] _bytes;
    private readonly string _filterScript;
    private readonly VideoInfo _source;
    private readonly string _encodedPath;
    private bool _completed;
    private bool _disposed;

    /// <param name="path">Final output path; the container is chosen from its extension.</param>
    /// <param name="width">Width of the frames that will be written.</param>
    /// <param name="height">Height of the frames that will be written.</param>
    /// <param name="source">The decoded source: time base, colour, rotation, aspect, and the audio/subtitle streams to copy.</param>
    /// <param name="timestamps">PTS of every frame to be written, in <paramref name="source"/>'s time base.</param>
    /// <param name="sourceWindow">Start and duration (seconds) of the source part being written, for the copied streams; null = all.</param>
    /// <param name="options">Encoder settings.</param>
    public VideoWriter(
        string path, int width, int height, VideoInfo source, IReadOnlyList<long> timestamps,
        (double Start, double? Duration)? sourceWindow = null, VideoWriterOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Path = System.IO.Path.GetFullPath(path);
        TemporaryPath = AtomicFile.TemporaryPathFor(Path);
        Width = width;
        Height = height;
        Options = options ?? new VideoWriterOptions();
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new VideoWriteException(Path, "the folder does not exist");
        }

        _source = source;

        // ffmpeg 5.1 only writes a display matrix (rotation) when stream-copying, so a rotated source is encoded to
        // a second temporary file and remuxed with the rotation in Complete.
        _encodedPath = source.Rotation == 0 ? TemporaryPath : System.IO.Path.ChangeExtension(TemporaryPath, ".enc" + System.IO.Path.GetExtension(Path));
        _bytes = new byte[checked(3 * width * height)];
        _filterScript = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rtsr-setpts-{Guid.NewGuid():N}.txt");
        File.WriteAllText(_filterScript, Filters(source, timestamps, width, height, Options));
        _ffmpeg = FfmpegProcess.Start("ffmpeg", Arguments(source, sourceWindow, width, height), writeInput: true, Options.FileSizeLimit);
        _input = _ffmpeg.StandardInput;
    }

    /// <summary>The final path (absolute).</summary>
    public string Path { get; }

    /// <summary>Where the file is while being written.</summary>
    public string TemporaryPath { get; }

    public int Width { get; }

    public int Height { get; }

    public VideoWriterOptions Options { get; }

    /// <summary>Frames written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Quantises <paramref name="frame"/> to 8-bit RGB (round half away from zero, clamped) and hands it to the encoder.</summary>
    /// <exception cref="VideoWriteException">The encoder stopped (unwritable output, full disk, bad option).</exception>
    public void Write(VideoFrame frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"frame is {frame.Width}x{frame.Height}, the writer encodes {Width}x{Height}", nameof(frame));
        }

        PixelConversion.PlanarUnitToRgb24(frame.Plane(0), frame.Plane(1), frame.Plane(2), _bytes);
        try
        {
            _input.Write(_bytes);
        }
        catch (IOException e)
        {
            throw Failure(e);
        }

        Written++;
    }

    /// <summary>Ends the stream, waits for ffmpeg to finish and renames the temporary file to <see cref="Path"/>.</summary>
    /// <exception cref="VideoWriteException">ffmpeg failed; the temporary file is removed.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _input.Close();
        }
        catch (IOException e)
        {
            throw Failure(e);
        }

        int exit = _ffmpeg.WaitForExit(FinishTimeout);
        if (exit != 0)
        {
            throw Failure(null);
        }

        if (_encodedPath != TemporaryPath)
        {
            Rotate();
        }

        try
        {
            File.Move(TemporaryPath, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VideoWriteException(Path, e.Message, e);
        }

        _completed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ffmpeg.Dispose();
        File.Delete(_filterScript);
        if (_encodedPath != TemporaryPath)
        {
            File.Delete(_encodedPath);
        }

        if (!_completed)
        {
            File.Delete(TemporaryPath);
        }
    }

    private VideoWriteException Failure(Exception? cause)
    {
        // The pipe breaks because ffmpeg stopped; its own last line says why (no space left, permission denied, …).
        try
        {
            _ffmpeg.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }

        _ffmpeg.Kill();
        File.Delete(TemporaryPath);
        File.Delete(_encodedPath);
        return new VideoWriteException(Path, _ffmpeg.Reason(cause?.Message ?? "ffmpeg failed"), cause);
    }

    private static string Filters(VideoInfo source, IReadOnlyList<long> timestamps, int width, int height, VideoWriterOptions options)
    {
        Rational tb = source.TimeBase.IsKnown ? source.TimeBase : new Rational(1, 1000);
        var filters = new List<string>
        {
            $"settb={tb.Numerator}/{tb.Denominator}",
            $"setpts='{PtsExpression.For(timestamps)}'",
        };
        bool subsampled = options.PixelFormat.Contains("420", StringComparison.Ordinal) || options.PixelFormat.Contains("422", StringComparison.Ordinal);
        if (subsampled && (width % 2 == 1 || height % 2 == 1))
        {
            // 4:2:0 needs even sides; one repeated edge column/row is the least surprising fix for an odd SR size.
            filters.Add("pad=ceil(iw/2)*2:ceil(ih/2)*2,fillborders=right=1:bottom=1:mode=smear");
        }

        string matrix = source.Colour.ConversionMatrix(source.Height);
        filters.Add($"scale=out_color_matrix={matrix}:out_range={source.Colour.ConversionRangeName}:flags=accurate_rnd+full_chroma_int");
        filters.Add($"format={options.PixelFormat}");
        if (source.SampleAspectRatio.IsKnown)
        {
            filters.Add($"setsar={source.SampleAspectRatio.Numerator}/{source.SampleAspectRatio.Denominator}");
        }

        return string.Join(',', filters);
    }

    private List<string> Arguments(VideoInfo source, (double Start, double? Duration)? window, int width, int height)
    {
        var o = Options;
        Rational tb = source.TimeBase.IsKnown ? source.TimeBase : new Rational(1, 1000);
        Rational rate = source.FrameRate.IsKnown ? source.FrameRate : new Rational(25, 1);
        var args = new List<string>
        {
            "-v", "error", "-nostdin", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}", "-framerate", $"{rate.Numerator}/{rate.Denominator}", "-i", "pipe:0",
        };
        bool copyStreams = source.AudioStreams.Count + source.SubtitleStreams.Count > 0;
        if (copyStreams)
        {
            if (window is { } w)
            {
                args.AddRange(["-ss", w.Start.ToString("R", CultureInfo.InvariantCulture)]);
                if (w.Duration is { } d)
                {
                    args.AddRange(["-t", d.ToString("R", CultureInfo.InvariantCulture)]);
                }
            }

            args.AddRange(["-i", source.Path]);
        }

        args.AddRange(["-filter_script:v", _filterScript, "-map", "0:v"]);
        if (copyStreams)
        {
            args.AddRange(["-map", "1:a?", "-map", "1:s?", "-c:a", "copy", "-c:s", "copy"]);
        }

        args.AddRange(["-fps_mode", "passthrough", "-enc_time_base:v", $"{tb.Numerator}/{tb.Denominator}", "-c:v", o.Codec]);
        if (o.Codec is "libx264" or "libx265" or "libvpx-vp9")
        {
            args.AddRange(["-crf", o.Crf.ToString(CultureInfo.InvariantCulture)]);
        }

        if (o.Codec is "libx264" or "libx265")
        {
            args.AddRange(["-preset", o.Preset]);
        }

        if (o.Threads is { } threads)
        {
            args.AddRange(["-threads", threads.ToString(CultureInfo.InvariantCulture)]);
        }

        var colour = source.Colour;
        AddIf(args, "-colorspace", colour.Matrix);
        AddIf(args, "-color_range", colour.Range);
        AddIf(args, "-color_primaries", colour.Primaries);
        AddIf(args, "-color_trc", colour.Transfer);
        if (tb.Numerator == 1 && (Path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || Path.EndsWith(".mov", StringComparison.OrdinalIgnoreCase)))
        {
            args.AddRange(["-video_track_timescale", tb.Denominator.ToString(CultureInfo.InvariantCulture)]);
        }

        args.Add(_encodedPath);
        return args;
    }

    private void Rotate()
    {
        // ffmpeg 5.1 turns the rotate tag into the display matrix it reads back as this same rotation.
        int rotate = (_source.Rotation % 360 + 360) % 360;
        using var remux = FfmpegProcess.Start(
            "ffmpeg",
            ["-v", "error", "-nostdin", "-y", "-i", _encodedPath, "-map", "0", "-c", "copy", "-metadata:s:v:0", $"rotate={rotate}", TemporaryPath],
            writeInput: false,
            Options.FileSizeLimit);
        if (remux.WaitForExit(FinishTimeout) != 0)
        {
            File.Delete(TemporaryPath);
            File.Delete(_encodedPath);
            throw new VideoWriteException(Path, remux.Reason("remuxing with the rotation failed"));
        }

        File.Delete(_encodedPath);
    }

    private static void AddIf(List<string> args, string option, string? value)
    {
        if (value is not null)
        {
            args.AddRange([option, value]);
        }
    }
}

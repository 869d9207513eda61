using System.Globalization;
using FFMpegCore;
using FFMpegCore.Enums;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Encodes <see cref="VideoFrame"/>s (planar float RGB in [0,1]) with ffmpeg (through FFMpegCore) into a file that
/// keeps what the source had: its frame timestamps (VFR stays VFR), colour tags, rotation and aspect ratio, and
/// its audio and subtitle streams copied untouched. The file is written under a temporary name
/// (<see cref="AtomicFile.TemporaryPathFor"/>) and renamed only by <see cref="Complete"/>; disposing without
/// completing deletes it. Not thread-safe: one writing thread.
/// </summary>
public sealed class VideoWriter : IDisposable
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromMinutes(10);

    private readonly FfmpegRun _ffmpeg;
    private readonly PipeHandOver _frames;
    private readonly FileSizeLimitedBinaries? _limited;
    private Stream? _input;
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
        _limited = Options.FileSizeLimit is { } limit ? FfmpegBinaries.WithFileSizeLimit(limit) : null;
        Rational rate = source.FrameRate.IsKnown ? source.FrameRate : new Rational(25, 1);
        _frames = new PipeHandOver($"-f rawvideo -pix_fmt rgb24 -s {width}x{height} -framerate {rate.Numerator}/{rate.Denominator}");
        _ffmpeg = FfmpegRun.Start(Command(source, sourceWindow), Binaries, _frames);
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
            _input ??= _ffmpeg.Connect(_frames);
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
            // Released, FFMpegCore closes the pipe: ffmpeg's end of input.
            (_input ?? _ffmpeg.Connect(_frames)).Flush();
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
        _limited?.Dispose();
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
        Rational tb = source.TimestampTimeBase;
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

    /// <summary>The binaries every run of this writer uses (with the test hook's file-size limit, if set).</summary>
    private FFOptions Binaries => _limited?.Options ?? FfmpegBinaries.Configured;

    private FFMpegArgumentProcessor Command(VideoInfo source, (double Start, double? Duration)? window)
    {
        var o = Options;
        Rational tb = source.TimestampTimeBase;
        var arguments = FFMpegArguments.FromPipeInput(_frames, input => input.WithCustomArgument("-v error -nostdin"));
        bool copyStreams = SourceCarryOver.HasStreamsToCopy(source);
        if (copyStreams)
        {
            arguments = SourceCarryOver.AddStreamsInput(arguments, source, window);
        }

        return arguments.OutputToFile(_encodedPath, overwrite: true, output =>
        {
            // A custom argument: FFMpegCore has no builder for -filter_script.
            output.WithCustomArgument($"-filter_script:v \"{_filterScript}\"").WithMap(0, StreamType.Video);
            if (copyStreams)
            {
                SourceCarryOver.CopyStreams(output, 1);
            }

            // Custom arguments: -enc_time_base has no builder, and WithVideoCodec needs a Codec, which FFMpegCore
            // makes only by listing ffmpeg's codecs in a run of its own.
            output.WithFpsMode(FpsMode.Passthrough)
                .WithCustomArgument($"-enc_time_base:v {tb.Numerator}/{tb.Denominator} -c:v {o.Codec}");
            if (o.Codec is "libx264" or "libx265" or "libvpx-vp9")
            {
                output.WithConstantRateFactor(o.Crf);
            }

            if (o.Codec is "libx264" or "libx265")
            {
                output.WithSpeedPreset(o.Preset);
            }

            if (o.Threads is { } threads)
            {
                output.WithThreads(threads);
            }

            SourceCarryOver.AddTags(output, source, Path);
        });
    }

    private void Rotate()
    {
        var command = FFMpegArguments
            .FromFileInput(_encodedPath, verifyExists: false, input => input.WithCustomArgument("-v error -nostdin"))
            .OutputToFile(TemporaryPath, overwrite: true, output =>
            {
                output.WithCustomArgument("-map 0").CopyStreams(StreamType.All); // every stream; FFMpegCore's maps name one type
                SourceCarryOver.AddRotation(output, _source);
            });
        using var remux = FfmpegRun.Start(command, Binaries);
        if (remux.WaitForExit(FinishTimeout) != 0)
        {
            File.Delete(TemporaryPath);
            File.Delete(_encodedPath);
            throw new VideoWriteException(Path, remux.Reason("remuxing with the rotation failed"));
        }

        File.Delete(_encodedPath);
    }
}

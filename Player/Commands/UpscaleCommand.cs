using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Segments;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Video;
using RealtimeSR.Shared.Video.Live;

namespace RealtimeSR.Player.Commands;

/// <summary>
/// <c>upscale IN -o OUT</c>: super-resolves a video, a picture, or a folder of either (batch), keeping what a naive
/// pipeline loses (timestamps, audio/subtitles, colour tags, rotation). Decode, SR and encode run pipelined.
/// </summary>
internal static class UpscaleCommand
{
    private static readonly string[] VideoExtensions = [".mp4", ".mkv", ".mov", ".avi", ".webm", ".m4v", ".ts", ".mts", ".flv", ".mpg", ".mpeg", ".wmv", ".y4m"];

    private static readonly Argument<string> InputArgument = new("IN") { Description = "video, picture, a folder of them, or a live source (rtsp://, udp://, tcp://, http(s)://, /dev/videoN: records --duration of it, then upscales)" };

    private static readonly Option<string> OutputOption = new("--output", "-o")
    {
        Description = "output file (or folder when IN is a folder)",
        Required = true,
    };

    private static readonly Option<string?> ModelOption = new("--model", "-m")
    {
        Description = "ONNX model or 'bicubic' (default: " + ModelOptions.DefaultModelByBitRate + ")",
    };

    private static readonly Option<int> CrfOption = new("--crf") { Description = "encoder quality (x264/x265 CRF, lower is better)", DefaultValueFactory = _ => 18 };

    // veryfast, not x264's medium: on 2 cores the encoder shares the CPU with SR (figures in media/README.md).
    private static readonly Option<string> PresetOption = new("--preset") { Description = "x264/x265 speed preset (default veryfast)", DefaultValueFactory = _ => "veryfast" };

    private static readonly Option<string> CodecOption = new("--codec") { Description = "ffmpeg video encoder", DefaultValueFactory = _ => "libx264" };

    private static readonly Option<string> PixelFormatOption = new("--pix-fmt") { Description = "encoded pixel format", DefaultValueFactory = _ => "yuv420p" };

    private static readonly Option<string?> RoiOption = new("--roi") { Description = "crop x,y,w,h (source pixels) before upscaling" };

    private static readonly Option<CompareMode> CompareOption = new("--compare")
    {
        Description = "write evidence: side (bicubic | SR, double width) or split (left half bicubic, right half SR)",
        DefaultValueFactory = _ => CompareMode.None,
    };

    private static readonly Option<string?> StartOption = new("--start") { Description = "start this far in (seconds or [hh:]mm:ss[.fff])" };

    private static readonly Option<string?> DurationOption = new("--duration") { Description = "upscale this much time (of a live source: record this much)" };

    private static readonly Option<bool> OverwriteOption = new("--overwrite") { Description = "replace an existing output" };

    private static readonly Option<string?> SegmentsOption = new("--segments")
    {
        Description = "upscale a video in N segments cut at keyframes (auto: one per minute), each encoded into OUT.parts/ and "
            + "joined without re-encoding; running the command again resumes, skipping finished segments",
    };

    private static readonly Option<string?> OnlyOption = new("--only")
    {
        Description = "with --segments N: do segment K only and do not join (no K: the scheduler's array index, "
            + "SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<bool> JoinOption = new("--join") { Description = "join the finished segments of OUT.parts/ into OUT (says which are missing)" };

    private static readonly Option<long?> FileSizeLimitOption = new("--file-size-limit")
    {
        Description = "test hook: the encoder may write at most this many bytes (simulates a full disk)",
        Hidden = true,
    };

    public static Command Create()
    {
        var command = new Command("upscale", "super-resolve a video, a picture or a folder of them to a new file")
        {
            InputArgument, OutputOption, ModelOption, CrfOption, PresetOption, CodecOption, PixelFormatOption, RoiOption, CompareOption,
            StartOption, DurationOption, OverwriteOption, SegmentsOption, OnlyOption, JoinOption, FileSizeLimitOption,
            LiveOptions.RtspTransport, LiveOptions.ConnectTimeout,
        };
        foreach (var option in ModelOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandExecution.Run(() => Run(result)));
        return command;
    }

    private static int Run(ParseResult result)
    {
        string given = result.GetValue(InputArgument)!;
        string input = LiveSource.IsLive(given) ? given : Path.GetFullPath(given);
        string output = Path.GetFullPath(result.GetValue(OutputOption)!);
        var job = new UpscaleJob
        {
            Region = result.GetValue(RoiOption) is { } roi ? PixelRegion.Parse(roi) : null,
            Compare = result.GetValue(CompareOption),
            Start = TimeOption.Parse(result.GetValue(StartOption), "--start"),
            Duration = TimeOption.Parse(result.GetValue(DurationOption), "--duration"),
            Overwrite = result.GetValue(OverwriteOption),
            Writer = new VideoWriterOptions
            {
                Codec = result.GetValue(CodecOption)!,
                Crf = result.GetValue(CrfOption),
                Preset = result.GetValue(PresetOption)!,
                PixelFormat = result.GetValue(PixelFormatOption)!,
                FileSizeLimit = result.GetValue(FileSizeLimitOption),
            },
        };
        if (job.Duration is { } d && d <= TimeSpan.Zero)
        {
            throw new UsageException($"--duration must be positive, got {d}");
        }

        if (LiveSource.IsLive(input))
        {
            return RunLive(result, input, output, job);
        }

        if (!File.Exists(input) && !Directory.Exists(input))
        {
            throw ImageFile.IsImagePath(input)
                ? new ImageFileException(input, "no such file or folder")
                : new VideoFileException(input, "no such file or folder");
        }

        using var interrupt = new CtrlC();
        if (SegmentRequestOf(result) is { } segments)
        {
            return RunSegmented(result, input, output, job, segments, interrupt.Token);
        }

        // One video: its bit rate picks the default model (the job reuses the probe). Pictures and folders get realtime ×4.
        VideoInfo? source = !Directory.Exists(input) && !ImageFile.IsImagePath(input) ? VideoProbe.Probe(input) : null;
        using var upscaler = ModelOptions.CreateUpscaler(result.GetValue(ModelOption), result, line => Console.Error.WriteLine(line), source);
        // A folder's videos get it only when asked, as they get realtime ×4 (a picture has no time to filter in).
        job = job with { TemporalDenoise = ModelOptions.TemporalDenoiseFor(result, source, line => Console.Error.WriteLine(line)) };
        if (!Directory.Exists(input))
        {
            CheckOutput(input, output, job.Overwrite);
            job.Run(input, output, upscaler, interrupt.Token, source);
            return ExitCodes.Success;
        }

        return RunBatch(input, output, job, upscaler, interrupt.Token);
    }

    /// <summary>
    /// A live source: records --duration of it (reconnecting when it drops) into a temporary folder, then upscales the
    /// recording as a file; the enhanced copy is written when the recording is complete.
    /// </summary>
    private static int RunLive(ParseResult result, string url, string output, UpscaleJob job)
    {
        if (job.Duration is not { } duration)
        {
            throw new UsageException($"{url} is a live source: give --duration T, how much of it to record");
        }

        if (job.Start is not null || SegmentRequestOf(result) is not null)
        {
            throw new UsageException("a live source takes neither --start nor --segments");
        }

        CheckOutput(url, output, job.Overwrite);
        if (Path.GetDirectoryName(output) is { } outputFolder && !Directory.Exists(outputFolder))
        {
            throw new VideoWriteException(output, "the folder does not exist");
        }

        using var interrupt = new CtrlC();
        var options = LiveOptions.From(result);
        // The stream and the model are checked before recording, not after minutes of it.
        VideoInfo stream = VideoProbe.ProbeLive(url, options);
        using var upscaler = ModelOptions.CreateUpscaler(result.GetValue(ModelOption), result, line => Console.Error.WriteLine(line), stream);
        double? denoise = ModelOptions.TemporalDenoiseFor(result, stream, line => Console.Error.WriteLine(line));
        string folder = Directory.CreateTempSubdirectory("rtsr-live-").FullName;
        try
        {
            string recording = LiveRecorder.Record(url, stream, options, duration, folder, line => Console.Error.WriteLine(line), interrupt.Token);
            interrupt.Token.ThrowIfCancellationRequested();
            (job with { Duration = null, TemporalDenoise = denoise }).Run(recording, output, upscaler, interrupt.Token);
            return ExitCodes.Success;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"warning: could not remove the recording's temporary folder {folder} ({e.Message})");
            }
        }
    }

    /// <summary>The segmented run the command line asks for; null when it asks for none.</summary>
    private static SegmentRequest? SegmentRequestOf(ParseResult result)
    {
        string? segments = result.GetValue(SegmentsOption);
        bool join = result.GetValue(JoinOption);
        bool only = result.GetResult(OnlyOption) is not null;
        if (segments is null && !join)
        {
            return only ? throw new UsageException("--only needs --segments N") : null;
        }

        int? count = null;
        if (segments is not null && segments != "auto")
        {
            count = int.TryParse(segments, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
                ? n
                : throw new UsageException($"--segments must be 'auto' or a count of at least 1, got '{segments}'");
        }

        if (join && only)
        {
            throw new UsageException("--join and --only do different steps; give one");
        }

        if (only && count is null)
        {
            // Every worker must cut the video the same way, and the scheduler's array must have as many tasks.
            throw new UsageException("--only needs --segments N with a count (the scheduler's array size), not auto");
        }

        return new SegmentRequest { Count = count, Only = only ? SegmentIndex(result.GetValue(OnlyOption), count!.Value) : null, JoinOnly = join };
    }

    /// <summary>--only's K, or the scheduler's array index when it is given without one.</summary>
    private static int SegmentIndex(string? given, int count)
    {
        string? text = given, source = "--only";
        foreach (string variable in (string[])["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"])
        {
            if (text is null && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                (text, source) = (value, variable);
            }
        }

        if (text is null)
        {
            throw new UsageException("--only without K needs SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX set (run it as an array task)");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k < count
            ? k
            : throw new UsageException($"{source} must be a segment index 0-{count - 1}, got '{text}'");
    }

    private static int RunSegmented(ParseResult result, string input, string output, UpscaleJob job, SegmentRequest request, CancellationToken cancellation)
    {
        if (Directory.Exists(input) || ImageFile.IsImagePath(input))
        {
            throw new UsageException($"{input}: --segments is for one video, not a picture or a folder");
        }

        if (job.Start is not null || job.Duration is not null)
        {
            throw new UsageException("--segments upscales the whole video; --start and --duration cannot be combined with it");
        }

        CheckOutput(input, output, job.Overwrite);
        var info = VideoProbe.Probe(input);
        string? model = result.GetValue(ModelOption);
        // The join loads the model too: its scale (the model's own, not --scale) is part of the job it must match.
        using var upscaler = ModelOptions.CreateUpscaler(model, result, line => Console.Error.WriteLine(line), info);
        string? modelPath = ModelOptions.ModelPathFor(model, info);
        job = job with { TemporalDenoise = ModelOptions.TemporalDenoiseFor(result, info, line => Console.Error.WriteLine(line)) };
        var identity = new SegmentJob
        {
            Source = SourceIdentity.Of(input),
            Model = modelPath is null ? BicubicUpscaler.ModelName : Path.GetFileName(modelPath),
            ModelSha256 = ModelSha256(modelPath, upscaler.Scale),
            Options = job.OutputSettings(upscaler.Scale),
        };
        new SegmentedUpscale(job, request, identity, Console.Error).Run(info, output, upscaler, cancellation);
        return ExitCodes.Success;
    }

    private static string ModelSha256(string? path, int scale)
    {
        if (path is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{BicubicUpscaler.ModelName} x{scale}")));
        }

        try
        {
            return FileHash.Sha256(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, e.Message);
        }
    }

    private static int RunBatch(string folder, string outputFolder, UpscaleJob job, IUpscaler upscaler, CancellationToken cancellation)
    {
        var inputs = Directory.EnumerateFiles(folder)
            .Where(f => ImageFile.IsImagePath(f) || VideoExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (inputs.Length == 0)
        {
            throw new UsageException($"{folder}: no pictures or videos in the folder");
        }

        if (File.Exists(outputFolder))
        {
            throw new UsageException($"{outputFolder}: is a file; a folder input needs an output folder");
        }

        Directory.CreateDirectory(outputFolder);
        int failed = 0;
        foreach (string input in inputs)
        {
            cancellation.ThrowIfCancellationRequested();
            string output = Path.Combine(outputFolder, Path.GetFileName(input));
            try
            {
                CheckOutput(input, output, job.Overwrite);
                job.Run(input, output, upscaler, cancellation);
            }
            catch (ReportableException e)
            {
                // One bad file must not stop the others; each failure is reported once, here.
                Console.Error.WriteLine($"error: {e.Message}");
                failed++;
            }
        }

        Console.Error.WriteLine($"{inputs.Length - failed} of {inputs.Length} done, {failed} failed");
        if (failed > 0)
        {
            throw new BatchFailedException(failed, inputs.Length);
        }

        return ExitCodes.Success;
    }

    private static void CheckOutput(string input, string output, bool overwrite)
    {
        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new UsageException($"{output}: output would replace the input");
        }

        if (Directory.Exists(output))
        {
            throw new UsageException($"{output}: is a folder; give an output file name");
        }

        if (File.Exists(output) && !overwrite)
        {
            throw new UsageException($"{output}: exists; pass --overwrite to replace it");
        }
    }
}

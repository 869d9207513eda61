using System.CommandLine;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Platform;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;
using RealtimeSR.Shared.Video.Live;

namespace RealtimeSR.Player.Commands;

/// <summary>
/// <c>play [FILE]</c>: live SR playback. Decode, inference and audio run on their own threads; this thread renders
/// bicubic | SR (split, side, sr or bicubic) into a window, or headless through EGL when there is no display (then
/// a screenshot and a timings report are written). Without FILE the bundled sample plays with the bundled model.
/// </summary>
internal static class PlayCommand
{
    /// <summary>The bundled sample clip, relative to the repository root.</summary>
    public const string DefaultSample = "media/" + BundledMedia.Sample;

    /// <summary>Headless defaults, in the current folder.</summary>
    public const string HeadlessScreenshot = "rtsr-play.png";

    public const string HeadlessTimings = "rtsr-play-timings.csv";

    /// <summary>Largest initial window (drawable pixels); bigger pictures are letterboxed into it.</summary>
    private const int MaxWindowWidth = 1280;

    private const int MaxWindowHeight = 720;

    private static readonly Argument<string?> FileArgument = new("FILE")
    {
        Description = $"video file, or a live source: rtsp://, rtsps://, udp://, tcp://, http(s):// (MPEG-TS, HLS) or /dev/videoN (default: the bundled sample {DefaultSample})",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string[]> ModelOption = new("--model", "-m")
    {
        Description = "ONNX model or 'bicubic' (default: " + ModelOptions.DefaultModelByBitRate + "); repeat it to switch between "
            + "models with the n key (bicubic is always one of them)",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<ViewMode> ModeOption = new("--mode")
    {
        Description = "split (bicubic | SR at a draggable divider), side, sr, bicubic or difference (|SR - bicubic| amplified)",
        DefaultValueFactory = _ => ViewMode.Split,
    };

    private static readonly Option<string?> TimingsOption = new("--timings")
    {
        Description = "write per-frame times to F.csv and per-stage busy %, CPU ms and fps to F.stages.csv",
    };

    private static readonly Option<long?> ExitAfterOption = new("--exit-after-frames")
    {
        Description = "stop after N frames have been shown",
    };

    private static readonly Option<string?> ScreenshotOption = new("--screenshot")
    {
        Description = "save what is shown at the end as PNG",
    };

    private static readonly Option<string> ShotsOption = new("--shots")
    {
        Description = "folder for the s key's screenshots and the e key's evidence snapshots (default: the current folder)",
        DefaultValueFactory = _ => ".",
    };

    private static readonly Option<bool> NoDropOption = new("--no-drop")
    {
        Description = "show every frame as fast as SR allows (no drops; sound off)",
    };

    private static readonly Option<bool> OsdOption = new("--osd")
    {
        Description = "start with the statistics overlay on (key o toggles it)",
    };

    private static readonly Option<string?> ReferenceOption = new("--reference")
    {
        Description = "the original high-resolution video FILE was made from (its size × the scale, one frame per frame): " +
            "the OSD shows Y-PSNR and SSIM of bicubic and SR against it (this frame and the mean), the timings CSV gets them per frame",
    };

    private static readonly Option<bool> HeadlessOption = new("--headless")
    {
        Description = $"render offscreen through EGL even when there is a display (writes {HeadlessScreenshot} and {HeadlessTimings} unless told otherwise)",
    };

    public static Command Create()
    {
        var command = new Command("play", "play a video with live super-resolution, bicubic | SR side by side\n\n" + KeyBindings.HelpText)
        {
            FileArgument, ModelOption, ModeOption, TimingsOption, ExitAfterOption, ScreenshotOption, ShotsOption, NoDropOption, OsdOption, HeadlessOption,
            ReferenceOption, LiveOptions.RtspTransport, LiveOptions.ConnectTimeout,
        };
        foreach (var option in ModelOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandExecution.Run(() => Run(result, null)));
        return command;
    }

    /// <summary>Plays as the command line says; <paramref name="hooks"/> let tests watch and drive the run.</summary>
    internal static int Run(ParseResult result, PlayHooks? hooks)
    {
        string file = result.GetValue(FileArgument) ?? BundledMedia.File(BundledMedia.Sample);
        if (result.GetValue(ExitAfterOption) is < 1)
        {
            throw new UsageException($"--exit-after-frames must be at least 1, got {result.GetValue(ExitAfterOption)}");
        }

        using var interrupt = new CtrlC();
        using LiveVideoReader? live = LiveSource.IsLive(file) ? new LiveVideoReader(file, LiveOptions.From(result), Log) : null;
        VideoInfo info = live?.Info ?? VideoProbe.Probe(file);
        VideoInfo? reference = result.GetValue(ReferenceOption) is { } referencePath
            ? live is null ? VideoProbe.Probe(referencePath) : throw new UsageException("--reference is for a video file, not a live source")
            : null;
        string?[] modelArguments = result.GetValue(ModelOption) is { Length: > 0 } given ? [.. given] : [null];
        using var models = LoadModels(modelArguments, result, info);
        var upscaler = models.Upscalers[0];

        bool noDrop = result.GetValue(NoDropOption);
        bool headless = result.GetValue(HeadlessOption);
        string? driver = null;
        if (!headless)
        {
            DisplayStatus display = DisplayProbe.Probe();
            headless = !display.Available;
            if (display.Available)
            {
                driver = display.Description;
            }
            else
            {
                Log($"{display.Description}: playing headless through EGL; screenshot and timings go to the current folder");
            }
        }

        string? screenshot = result.GetValue(ScreenshotOption) ?? (headless ? HeadlessScreenshot : null);
        string? timings = result.GetValue(TimingsOption) ?? (headless ? HeadlessTimings : null);
        var options = new PlaybackOptions
        {
            Mode = result.GetValue(ModeOption),
            NoDrop = noDrop,
            ExitAfterFrames = result.GetValue(ExitAfterOption),
            ScreenshotPath = screenshot,
            ScreenshotFolder = ShotsFolder(result.GetValue(ShotsOption)!),
            SourcePath = file,
            ModelPaths = models.Paths,
            OsdVisible = result.GetValue(OsdOption),
        };

        var (width, height) = WindowSize(info.Width * upscaler.Scale, info.Height * upscaler.Scale);
        if (live is not null && info.AudioStreams.Count > 0)
        {
            Log("live source: playing the picture only (its sound is not played)");
        }

        using SdlAudioOutput? audio = noDrop || live is not null ? null : OpenAudio(info);
        using IRenderTarget target = headless
            ? new OffscreenRenderTarget(width, height)
            : new WindowRenderTarget(new SdlWindow($"RealtimeSR — {(live is null ? Path.GetFileName(file) : file)} — {upscaler.Name}", width, height), driver ?? "?");
        using var renderer = new ViewRenderer(target.Gl, new ShaderLibrary());
        // The pipeline owns the live reader from here (disposing it twice is harmless).
        TemporalDenoiser? denoiser = ModelOptions.CreateDenoiser(result, info, Log);
        using var pipeline = live is not null
            ? new PlaybackPipeline(live, models.Selection) { Denoiser = denoiser }
            : new PlaybackPipeline(info, models.Selection, audio, noDrop, reference) { Denoiser = denoiser };
        Log($"play {(live is null ? Path.GetFileName(file) : file)}: {info.Width}x{info.Height} → ×{upscaler.Scale} with {upscaler.Name} ({upscaler.ExecutionProvider}), " +
            $"{target.Description}, {(audio is null ? "no sound" : $"sound via {SdlAudioOutput.Driver}")}{(noDrop ? ", no drops" : "")}" +
            (denoiser is null ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $", temporal denoise {denoiser.Strength}")));
        var loop = new RenderLoop(target, renderer, pipeline, options)
        {
            Observer = hooks?.Observe?.Invoke(target),
        };
        TimeSpan cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        loop.Run(interrupt.Token);
        TimeSpan cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        StageMeter[] meters = pipeline.ReferenceMeter is { } scoring
            ? [pipeline.DecodeMeter, pipeline.InferenceMeter, scoring, loop.RenderMeter]
            : [pipeline.DecodeMeter, pipeline.InferenceMeter, loop.RenderMeter];
        double wall = StageMeter.WallSeconds(meters);
        var report = new PlaybackReport([.. meters.Select(m => StageStatistics.From(m, wall))], wall, loop.Presented, pipeline.Dropped, loop.Recorder.Records, loop.Scores);
        Console.Out.Write(report.Table());

        // The stage threads' own CPU leaves out their helpers (ORT's pool, llvmpipe's rasteriser threads); this is all of it.
        Console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"process CPU: {cpu.TotalMilliseconds / Math.Max(1, loop.Presented):F1} ms per shown frame, {(wall > 0 ? cpu.TotalSeconds / wall : 0):F2} cores busy (ffmpeg's decoder process not included)"));
        if (timings is not null)
        {
            report.Write(timings);
            Log($"timings: {Path.GetFullPath(timings)} and {Path.GetFullPath(PlaybackReport.StagesPath(timings))}");
        }

        if (Shared.Metrics.ReferenceScores.MeanOf(loop.Scores) is { } mean)
        {
            int measured = loop.Scores.Count(s => s.IsMeasurable);
            string leftOut = measured < loop.Scores.Count
                ? $" ({loop.Scores.Count - measured} left out: upscaled again after a model switch, or identical to the reference)"
                : "";
            Console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"against the reference, mean of {measured} frames shown: Y-PSNR bicubic {mean.PsnrBicubic:F2} dB, SR {mean.PsnrSr:F2} dB; SSIM bicubic {mean.SsimBicubic:F4}, SR {mean.SsimSr:F4}{leftOut}"));
        }

        if (live is not null)
        {
            var latency = Percentiles.Of(loop.Recorder.Records.Select(r => r.LatencyMs));
            Console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"live: {live.Received} frames received, {live.Skipped} skipped by the receiver and {pipeline.Dropped} dropped after it (newer ones came first), " +
                $"{live.Reconnects} reconnects; latency arrival -> display p50 {latency.P50:F0} ms, p95 {latency.P95:F0} ms, max {latency.Max:F0} ms"));
        }

        hooks?.Finished?.Invoke(report, loop);
        return ExitCodes.Success;
    }

    private static void Log(string line) => Console.Error.WriteLine(line);

    /// <summary>The SR picture's size, shrunk (keeping its shape) to fit <see cref="MaxWindowWidth"/>×<see cref="MaxWindowHeight"/>.</summary>
    internal static (int Width, int Height) WindowSize(int pictureWidth, int pictureHeight)
    {
        double shrink = Math.Min(1, Math.Min((double)MaxWindowWidth / pictureWidth, (double)MaxWindowHeight / pictureHeight));
        return (Math.Max(1, (int)Math.Round(pictureWidth * shrink)), Math.Max(1, (int)Math.Round(pictureHeight * shrink)));
    }

    /// <summary>
    /// Loads every model the command line names (each --model; none = the default for the source) and bicubic at
    /// their scale unless it is among them, in that order: the n key cycles through them.
    /// </summary>
    /// <exception cref="UsageException">The models have different scales (the SR frames have one size).</exception>
    private static LoadedModels LoadModels(IReadOnlyList<string?> arguments, ParseResult result, VideoInfo info)
    {
        var loaded = new LoadedModels();
        try
        {
            foreach (string? argument in arguments)
            {
                loaded.Add(ModelOptions.CreateUpscaler(argument, result, Log, info), ModelOptions.ModelPathFor(argument, info));
            }

            var first = loaded.Upscalers[0];
            if (loaded.Upscalers.FirstOrDefault(u => u.Scale != first.Scale) is { } other)
            {
                throw new UsageException($"--model: models to switch between must share a scale ({first.Name} x{first.Scale}, {other.Name} x{other.Scale})");
            }

            if (!loaded.Upscalers.Any(u => u is BicubicUpscaler))
            {
                loaded.Add(new BicubicUpscaler(first.Scale), null);
            }

            return loaded;
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    /// <summary>The models a playback switches between, with their files (null for bicubic); disposes them.</summary>
    private sealed class LoadedModels : IDisposable
    {
        private readonly List<IUpscaler> _upscalers = [];
        private readonly List<string?> _paths = [];
        private ModelSelection? _selection;

        public IReadOnlyList<IUpscaler> Upscalers => _upscalers;

        public IReadOnlyList<string?> Paths => _paths;

        public ModelSelection Selection => _selection ??= new ModelSelection(_upscalers);

        public void Add(IUpscaler upscaler, string? path)
        {
            _upscalers.Add(upscaler);
            _paths.Add(path);
        }

        public void Dispose() => _upscalers.ForEach(u => u.Dispose());
    }

    /// <summary>The --shots folder, checked before playback starts (a key press must not be the first to find it missing).</summary>
    private static string ShotsFolder(string folder) =>
        Directory.Exists(folder) ? Path.GetFullPath(folder) : throw new UsageException($"--shots {folder}: no such folder");

    /// <summary>An audio device for the file's first audio stream, or null (no audio, or no device: said in one line).</summary>
    private static SdlAudioOutput? OpenAudio(VideoInfo info)
    {
        if (info.AudioStreams.FirstOrDefault() is not { } stream)
        {
            return null;
        }

        try
        {
            var output = new SdlAudioOutput(stream.SampleRate, Math.Min(stream.Channels, 8), PcmFormat.F32);
            if (output.Channels != stream.Channels)
            {
                output.Dispose();
                Log($"audio: {stream.Channels} channels are more than SDL plays; playing without sound");
                return null;
            }

            return output;
        }
        catch (SdlException e)
        {
            Log($"audio: not available ({e.Message}); playing without sound, on the system clock");
            return null;
        }
    }
}

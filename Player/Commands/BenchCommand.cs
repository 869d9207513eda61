using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.IO;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Commands;

/// <summary>
/// <c>bench FILE --model M [--model M2 …]</c>: decode → SR with no drops and no display, per stage and end to
/// end, one table for all models; optional per-frame CSV, JSON summary and a plot of frame times.
/// </summary>
internal static class BenchCommand
{
    private static readonly Argument<string> FileArgument = new("FILE") { Description = "video to decode" };

    private static readonly Option<string[]> ModelOption = new("--model", "-m")
    {
        Description = "ONNX model or 'bicubic'; repeat for a side-by-side table (default: " + ModelOptions.DefaultModel + ")",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<int> FramesOption = new("--frames")
    {
        Description = "decode at most N frames (0 = all)",
    };

    private static readonly Option<bool> RenderOption = new("--render")
    {
        Description = "also render each SR frame (split view, offscreen through EGL) as a timed 'render' stage",
    };

    private static readonly Option<string?> JsonOption = new("--json") { Description = "write the summary as JSON (schema: README.md, bench)" };

    private static readonly Option<string?> CsvOption = new("--csv") { Description = "write one row per frame per model" };

    private static readonly Option<string?> PlotOption = new("--plot") { Description = "draw per-frame times to a PNG" };

    public static Command Create()
    {
        var command = new Command("bench", "measure decode → SR throughput and latency per stage, for one or more models")
        {
            FileArgument, ModelOption, FramesOption, RenderOption, JsonOption, CsvOption, PlotOption,
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
        string file = result.GetValue(FileArgument)!;
        int frames = result.GetValue(FramesOption);
        if (frames < 0)
        {
            throw new UsageException($"--frames must be 0 (all) or more, got {frames}");
        }

        string[] models = result.GetValue(ModelOption) is { Length: > 0 } m ? m : [null!];
        using var interrupt = new CtrlC();
        var info = VideoProbe.Probe(file);
        var runs = new List<RunSummary>();
        var records = new List<(string Model, IReadOnlyList<FrameRecord> Frames)>();
        foreach (string? model in models)
        {
            var (summary, recorder) = RunModel(info, model, frames, result.GetValue(RenderOption), result, interrupt.Token);
            runs.Add(summary);
            records.Add((summary.Model, recorder.Records));
        }

        var report = new BenchReport
        {
            Source = info.Path,
            Width = info.Width,
            Height = info.Height,
            SourceFps = info.FramesPerSecond,
            Runs = runs,
        };
        Console.Out.Write(Table(report));
        if (result.GetValue(JsonOption) is { } json)
        {
            report.WriteJson(json);
        }

        if (result.GetValue(CsvOption) is { } csv)
        {
            BenchReport.WriteCsv(csv, records);
        }

        if (result.GetValue(PlotOption) is { } plot)
        {
            FrameTimePlot.Write(plot, records);
        }

        return ExitCodes.Success;
    }

    private static (RunSummary Summary, TimelineRecorder Recorder) RunModel(
        VideoInfo info, string? model, int frames, bool render, ParseResult result, CancellationToken cancellation)
    {
        using var upscaler = ModelOptions.CreateUpscaler(model, result, line => Console.Error.WriteLine(line));
        using var reader = new VideoReader(info, new VideoReaderOptions { MaxFrames = frames > 0 ? frames : null });
        var recorder = new TimelineRecorder(reader.FrameCount);
        var threads = new Dictionary<string, StageMeter>();
        var denoiser = ModelOptions.CreateDenoiser(result, info, line => Console.Error.WriteLine(line));
        using (var front = new FrontStages(reader, upscaler, cancellation, denoiser))
        {
            threads["decode"] = front.Decode.Meter;
            threads["infer"] = front.Inference.Meter;
            var renderMeter = new StageMeter("render", reader.FrameCount + 64);
            if (render)
            {
                threads["render"] = renderMeter;
            }

            var drain = render
                ? new StageThread("bench-render", () => Render(front, recorder, renderMeter, upscaler.Name, reader.Width * upscaler.Scale, reader.Height * upscaler.Scale))
                : new StageThread("bench-drain", () =>
                {
                    while (StageChannel.TryRead(front.Inference.Output, out var frame, front.Token))
                    {
                        recorder.Add(frame.Sr.Index, frame.Sr.PtsSeconds, frame.Sr.Timeline);
                        frame.Return();
                    }
                });
            front.Start();
            drain.Start();
            front.Finish(drain.Completion);
        }

        var stages = recorder.Stages(render ? "render" : "output")
            .Select(s => threads.TryGetValue(s.Name, out StageMeter? meter) ? s.WithThreadFigures(meter, recorder.WallSeconds) : s)
            .ToList();
        double flopsPerFrame = upscaler is OnnxUpscaler onnx ? ModelFlops.PerInputPixel(onnx.Session.Source) * reader.Width * reader.Height : 0;
        var infer = stages.FirstOrDefault(s => s.Name == "infer");
        double gflops = infer is { TotalMilliseconds: > 0 } ? flopsPerFrame * infer.Frames / (infer.TotalMilliseconds / 1000) / 1e9 : 0;
        var summary = new RunSummary
        {
            Model = upscaler.Name,
            Scale = upscaler.Scale,
            ExecutionProvider = upscaler.ExecutionProvider,
            Threads = upscaler.Threads,
            AllowSpinning = upscaler.AllowSpinning,
            Frames = recorder.Records.Count,
            WallSeconds = recorder.WallSeconds,
            Fps = recorder.EndToEndFps,
            RealtimeFactor = info.FramesPerSecond > 0 ? recorder.EndToEndFps / info.FramesPerSecond : 0,
            FlopsPerFrame = flopsPerFrame,
            InferenceGflopsPerSecond = gflops,
            PeakRssMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            Stages = stages,
        };
        return (summary, recorder);
    }

    /// <summary>
    /// The render stage: on this thread, an EGL context and a framebuffer of the player's window size; each frame is
    /// uploaded and drawn in split view and waited for (<c>glFinish</c>), between the output marks of its timeline.
    /// </summary>
    private static void Render(FrontStages front, TimelineRecorder recorder, StageMeter meter, string modelName, int srWidth, int srHeight)
    {
        var (width, height) = PlayCommand.WindowSize(srWidth, srHeight);
        using var target = new OffscreenRenderTarget(width, height);
        using var renderer = new ViewRenderer(target.Gl, new ShaderLibrary());
        renderer.SetLabels("Bicubic", modelName);
        var state = new ViewState(ViewMode.Split);
        while (StageChannel.TryRead(front.Inference.Output, out var frame, front.Token))
        {
            long begin = meter.Begin(frame.Sr.Timeline, TimelineMark.OutputStart);
            renderer.SetFrame(frame.Lr.Pixels, frame.Lr.Width, frame.Lr.Height, frame.Sr.Pixels, frame.Sr.Width, frame.Sr.Height);
            target.Bind();
            renderer.Draw(state, width, height);
            target.Present();
            meter.End(begin, frame.Sr.Timeline, TimelineMark.OutputEnd);
            recorder.Add(frame.Sr.Index, frame.Sr.PtsSeconds, frame.Sr.Timeline);
            frame.Return();
        }
    }

    internal static string Table(BenchReport report)
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Source}: {report.Width}x{report.Height} at {report.SourceFps:F3} fps\n");
        text.Append(CultureInfo.InvariantCulture, $"{"model",-24} {"ep",-5} {"thr",3} {"frames",6} {"fps",8} {"x rt",6} {"GFLOP/s",8} {"RSS MB",7}  {"stage",-10} {"fps",8} {"p50",7} {"p95",7} {"p99",7} {"max",7} {"busy%",6}\n");
        foreach (var run in report.Runs)
        {
            bool first = true;
            foreach (var stage in run.Stages)
            {
                string head = first
                    ? string.Create(CultureInfo.InvariantCulture, $"{Truncate(run.Model, 24),-24} {run.ExecutionProvider,-5} {run.Threads,3} {run.Frames,6} {run.Fps,8:F1} {run.RealtimeFactor,6:F2} {run.InferenceGflopsPerSecond,8:F1} {run.PeakRssMegabytes,7:F0}")
                    : new string(' ', 24 + 1 + 5 + 1 + 3 + 1 + 6 + 1 + 8 + 1 + 6 + 1 + 8 + 1 + 7);
                var p = stage.Milliseconds;
                text.Append(CultureInfo.InvariantCulture, $"{head}  {stage.Name,-10} {stage.Fps,8:F1} {p.P50,7:F2} {p.P95,7:F2} {p.P99,7:F2} {p.Max,7:F2} {stage.BusyPercent,6:F1}\n");
                first = false;
            }
        }

        text.Append("times in ms per frame; end-to-end fps = frames / wall time, its p50… are per-frame latency (queues included)\n");
        return text.ToString();
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}

using System.Globalization;
using System.Text.Json;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Bench_TwoModels_JsonFollowsSchemaAndAgreesWithCsv()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 12);
        string model = TinyModelFile.Write(temp.Path);
        string json = temp.File("bench.json"), csv = temp.File("bench.csv"), plot = temp.File("bench.png");

        var run = PlayerProcess.Run(
            "bench", clip, "--model", "bicubic", "--scale", "2", "--model", model, "--ep", "cpu", "--threads", "1", "--frames", "10",
            "--json", json, "--csv", csv, "--plot", plot);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("tiny-x2.onnx", run.Output);
        Assert.True(new FileInfo(plot).Length > 1000);

        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        foreach (string field in (string[])["source", "width", "height", "sourceFps", "runs"])
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        var report = BenchReport.FromJson(File.ReadAllText(json));
        Assert.Equal(["bicubic", "tiny-x2.onnx"], report.Runs.Select(r => r.Model));
        Assert.Equal((64, 48, 30.0), (report.Width, report.Height, report.SourceFps));
        var rows = File.ReadAllLines(csv);
        Assert.Equal(BenchReport.CsvHeader, rows[0]);
        foreach (var summary in report.Runs)
        {
            var frames = rows.Skip(1).Select(r => r.Split(',')).Where(r => r[0] == summary.Model).ToArray();
            Assert.Equal(10, summary.Frames);
            Assert.Equal(10, frames.Length);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), frames.Select(r => r[1]));
            var infer = Percentiles.Of(frames.Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)));
            var stage = summary.Stages.Single(s => s.Name == "infer");
            Assert.Equal(infer, stage.Milliseconds);
            Assert.Equal(frames.Sum(r => double.Parse(r[5], CultureInfo.InvariantCulture)), stage.TotalMilliseconds, 6);
            var latency = Percentiles.Of(frames.Select(r => double.Parse(r[7], CultureInfo.InvariantCulture)));
            Assert.Equal(latency, summary.Stages.Single(s => s.Name == "end-to-end").Milliseconds);
            Assert.Equal(summary.Fps / 30.0, summary.RealtimeFactor, 9);
            Assert.All(summary.Stages.Where(s => s.Name is "decode" or "infer"), s => Assert.True(s.CpuMillisecondsPerFrame > 0, $"{s.Name}: no thread CPU time"));
            Assert.All(summary.Stages.Where(s => s.Name is "convert" or "output" or "end-to-end"), s => Assert.Null(s.CpuMillisecondsPerFrame));
            Assert.True(summary.PeakRssMegabytes > 0);
        }

        var tiny = report.Runs[1];
        Assert.Equal(("cpu", 1, false), (tiny.ExecutionProvider, tiny.Threads, tiny.AllowSpinning));
        Assert.Equal((2.0 * 12 * 27 + 12) * 64 * 48, tiny.FlopsPerFrame);
        Assert.True(tiny.InferenceGflopsPerSecond > 0);
        Assert.Equal(0, report.Runs[0].FlopsPerFrame);
    }

    [Fact]
    public void Bench_Render_TimesAnEglRenderStageForEveryFrame()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 12);
        string model = TinyModelFile.Write(temp.Path);
        string json = temp.File("bench.json");
        string csv = temp.File("frames.csv");

        var run = PlayerProcess.Run("bench", clip, "--model", model, "--ep", "cpu", "--render", "--json", json, "--csv", csv);

        Assert.True(run.ExitCode == 0, run.Error);
        var report = BenchReport.FromJson(File.ReadAllText(json));
        var render = Assert.Single(report.Runs[0].Stages, s => s.Name == "render");
        Assert.Equal(12, render.Frames);
        Assert.True(render.Milliseconds.P50 > 0, $"render p50 {render.Milliseconds.P50} ms");
        var outputMs = File.ReadAllLines(csv).Skip(1).Select(l => double.Parse(l.Split(',')[6], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(outputMs.Sum(), render.TotalMilliseconds, 6);
        Assert.True(render.CpuMillisecondsPerFrame > 0, "the render thread's CPU time is measured");
    }

    [Fact]
    public void Bench_GraphOptNone_RunsTheModelUnoptimised()
    {
        const string level = "none"; // the level mapping itself: ModelOptionsTests
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 4);
        string model = TinyModelFile.Write(temp.Path);
        string json = temp.File("bench.json");

        var run = PlayerProcess.Run("bench", clip, "--model", model, "--ep", "cpu", "--graph-opt", level, "--json", json);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(4, BenchReport.FromJson(File.ReadAllText(json)).Runs[0].Frames);
    }

    [Fact]
    public void Bench_MissingFile_FailsInOneLine()
    {
        var run = PlayerProcess.Run("bench", "/nonexistent/clip.mkv", "--model", "bicubic");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no such file", Assert.Single(run.FailureLines));
    }
}

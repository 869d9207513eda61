using System.Text.Json;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Trainer.Commands;

/// <summary><c>eval --video</c> and <c>eval --lr --hr</c>: the real-footage benchmark.</summary>
public class EvalVideoTests
{
    [Fact]
    public void EvalVideo_SmallClipTwice_SameFiguresAndCompressionLowersPsnr()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mp4"), width: 128, height: 96, frames: 8, codecArgs: "-c:v libx264 -crf 12 -pix_fmt yuv420p");
        string model = CheckoutFile.Path("media", "models", "realtime-x4.onnx");
        string[] args = ["eval", "--video", clip, "--frames", "6", "--crf", "40", "-m", "bicubic", "-m", model, "--scale", "4", "--ep", "cpu"];

        var first = TrainerProcess.Run([.. args, "--json", temp.File("a.json")]);
        var second = TrainerProcess.Run([.. args, "--json", temp.File("b.json")]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        JsonElement[] a = Results(temp.File("a.json")), b = Results(temp.File("b.json"));
        Assert.Equal(4, a.Length); // (clean, crf40) × (bicubic, realtime-x4)
        for (int i = 0; i < a.Length; i++)
        {
            foreach (string figure in new[] { "psnr", "ssim", "flicker" })
            {
                Assert.Equal(a[i].GetProperty(figure).GetDouble(), b[i].GetProperty(figure).GetDouble());
            }
        }

        Assert.Equal(["clean", "clean", "crf40", "crf40"], a.Select(r => r.GetProperty("condition").GetString()));
        Assert.Equal(["bicubic", "realtime-x4.onnx", "bicubic", "realtime-x4.onnx"], a.Select(r => r.GetProperty("model").GetString()));
        Assert.All(a, r => Assert.Equal(6, r.GetProperty("frames").GetInt32()));
        Assert.True(a[2].GetProperty("psnr").GetDouble() < a[0].GetProperty("psnr").GetDouble() - 0.5, "CRF 40 should cost bicubic PSNR");
        Assert.All(a, r => Assert.InRange(r.GetProperty("flicker").GetDouble(), 0.01, 50));
        Assert.Contains("crf40", first.Output);
    }

    [Fact]
    public void EvalVideo_NotAVideo_OneLineAndBadInputExit()
    {
        using var temp = new TempFolder();
        string bad = temp.File("broken.mp4");
        File.WriteAllText(bad, "not a video");

        var run = TrainerProcess.Run("eval", "--video", bad, "-m", "bicubic", "--scale", "4");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("broken.mp4", run.ErrorLines[0]);
    }

    [Fact]
    public void EvalLrHr_FramesMadeElsewhere_ScoredInPairsWithFlicker()
    {
        using var temp = new TempFolder();
        string lr = temp.Folder("lr"), hr = temp.Folder("hr");
        for (int t = 0; t < 3; t++)
        {
            Image high = TestImages.Pattern(64 + 2 * t, 48).Crop(2 * t, 0, 64, 48);
            ImageFile.Save(high, Path.Combine(hr, $"f{t}.png"));
            ImageFile.Save(MatlabResize.Downscale(high, 2), Path.Combine(lr, $"f{t}.png"));
        }

        var run = TrainerProcess.Run("eval", "--lr", lr, "--hr", hr, "-m", "bicubic", "--scale", "2", "--json", temp.File("r.json"));
        var unpaired = TrainerProcess.Run("eval", "--lr", lr, "-m", "bicubic", "--scale", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement result = Assert.Single(Results(temp.File("r.json")));
        Assert.Equal("given", result.GetProperty("condition").GetString());
        Assert.Equal(3, result.GetProperty("frames").GetInt32());
        Assert.InRange(result.GetProperty("psnr").GetDouble(), 25, 60);
        Assert.Equal(ExitCodes.UsageError, unpaired.ExitCode);
    }

    [Fact]
    public void EvalLrHr_TemporalDenoise_AddsFilteredRowsWithLessFlicker()
    {
        using var temp = new TempFolder();
        string lr = temp.Folder("lr"), hr = temp.Folder("hr");
        Image high = TestImages.Pattern(64, 48);
        Image low = MatlabResize.Downscale(high, 2);
        var random = new Random(3);
        for (int t = 0; t < 8; t++)
        {
            // A still scene whose LR frames carry fresh noise each (a camera's, a codec's): it flickers.
            var noisy = new Image(low.Width, low.Height, low.Range, low.Planes.Select(v => v + (float)(random.NextDouble() - 0.5) * 12).ToArray());
            ImageFile.Save(high, Path.Combine(hr, $"f{t}.png"));
            ImageFile.Save(noisy, Path.Combine(lr, $"f{t}.png"));
        }

        var run = TrainerProcess.Run("eval", "--lr", lr, "--hr", hr, "-m", "bicubic", "--scale", "2", "--temporal-denoise", "10", "--json", temp.File("r.json"));
        var onSets = TrainerProcess.Run("eval", "--set", "Set5", "-m", "bicubic", "--scale", "2", "--temporal-denoise", "10");
        var tooStrong = TrainerProcess.Run("eval", "--lr", lr, "--hr", hr, "-m", "bicubic", "--scale", "2", "--temporal-denoise", "100");

        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement[] results = Results(temp.File("r.json"));
        Assert.Equal(["given", "given+td"], results.Select(r => r.GetProperty("condition").GetString()));
        double flicker = results[0].GetProperty("flicker").GetDouble(), filtered = results[1].GetProperty("flicker").GetDouble();
        Assert.True(filtered < flicker * 0.7, $"flicker {filtered} with the temporal denoiser, {flicker} without");
        Assert.True(results[1].GetProperty("psnr").GetDouble() > results[0].GetProperty("psnr").GetDouble(), "averaging fresh noise over frames brings the LR closer to the scene");
        Assert.Equal(ExitCodes.UsageError, onSets.ExitCode);
        Assert.Contains("--temporal-denoise", Assert.Single(onSets.FailureLines));
        Assert.Equal(ExitCodes.UsageError, tooStrong.ExitCode);
    }

    private static JsonElement[] Results(string json)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        return document.RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}

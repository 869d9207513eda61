using System.Text.Json;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Trainer.Commands;

public class EvalCommandTests
{
    [Fact]
    public void Eval_BicubicSet5AndSet14X4_MatchesPublishedFigures()
    {
        using var temp = new TempFolder();
        string json = temp.File("eval.json");

        // No --data: the sets shipped in media/sets (or the shared data folder's identical copies).
        var run = TrainerProcess.Run("eval", "--model", "bicubic", "--set", "Set5", "--set", "Set14", "--scale", "4", "--json", json);

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement[] results = document.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal("Set5", results[0].GetProperty("dataset").GetString());
        Assert.Equal(5, results[0].GetProperty("images").GetInt32());
        Assert.Equal(28.42, results[0].GetProperty("psnr").GetDouble(), 0.02);
        Assert.Equal(0.8104, results[0].GetProperty("ssim").GetDouble(), 0.002);
        Assert.Equal("Set14", results[1].GetProperty("dataset").GetString());
        Assert.Equal(14, results[1].GetProperty("images").GetInt32());
        Assert.Equal(26.00, results[1].GetProperty("psnr").GetDouble(), 0.05);
        Assert.Equal(0.7027, results[1].GetProperty("ssim").GetDouble(), 0.002);
    }

    [Fact]
    public void Eval_HrFolderOfSyntheticImages_WritesDocumentedJsonAndImages()
    {
        using var temp = new TempFolder();
        string hr = temp.Folder("mine");
        ImageFile.Save(TestImages.Pattern(64, 48, seed: 1), Path.Combine(hr, "a.png"));
        ImageFile.Save(TestImages.Pattern(50, 37, seed: 2), Path.Combine(hr, "b.bmp"));
        string json = temp.File("out.json");
        string saved = temp.File("sr");

        var run = TrainerProcess.Run("eval", "--model", "bicubic", "--hr", hr, "--scale", "2", "--json", json,
            "--save-images", saved);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("mine", run.Output);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = document.RootElement;
        Assert.Equal(["model", "scale", "results"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bicubic", root.GetProperty("model").GetString());
        Assert.Equal(2, root.GetProperty("scale").GetInt32());
        JsonElement result = root.GetProperty("results")[0];
        Assert.Equal(["dataset", "images", "psnr", "ssim", "ms_per_image"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, result.GetProperty("images").GetInt32());
        Assert.InRange(result.GetProperty("psnr").GetDouble(), 25, 60);
        Image b = ImageFile.Load(Path.Combine(saved, "mine", "b.png"));
        Assert.Equal((50, 36), (b.Width, b.Height)); // mod-cropped to a multiple of 2
    }

    [Fact]
    public void Eval_CorruptImageInSet_OneLineNamingFileAndNonZeroExit()
    {
        using var temp = new TempFolder();
        string hr = temp.Folder("bad");
        ImageFile.Save(TestImages.Pattern(32, 32), Path.Combine(hr, "good.png"));
        File.WriteAllText(Path.Combine(hr, "broken.png"), "this is not a PNG");

        var run = TrainerProcess.Run("eval", "--model", "bicubic", "--hr", hr, "--scale", "4");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("broken.png", run.ErrorLines[0]);
    }

    [Fact]
    public void Eval_MissingFolder_OneLineAndNonZeroExit()
    {
        var run = TrainerProcess.Run("eval", "--model", "bicubic", "--hr", "/nonexistent/set", "--scale", "4");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["error: /nonexistent/set: folder not found"], run.ErrorLines);
    }

    [Fact]
    public void Eval_UnknownSetWithoutData_OneLineAndNonZeroExit()
    {
        using var temp = new TempFolder();

        var run = TrainerProcess.Run("eval", "--model", "bicubic", "--set", "NoSuchSet", "--data", temp.Path, "--scale", "4");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("NoSuchSet", run.ErrorLines[0]);
    }

    [Fact]
    public void Eval_ImageSmallerThanScale_OneLineAndNonZeroExit()
    {
        using var temp = new TempFolder();
        string hr = temp.Folder("tiny");
        ImageFile.Save(TestImages.Pattern(3, 3), Path.Combine(hr, "tiny.png"));

        var run = TrainerProcess.Run("eval", "--model", "bicubic", "--hr", hr, "--scale", "4");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("tiny.png", run.ErrorLines[0]);
    }
}

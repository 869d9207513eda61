using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Trainer.Commands;

public class DownscaleCommandTests
{
    [SkippableFact]
    public void Downscale_MatlabHrFolder_WritesTheMatlabLrImages()
    {
        string pairs = SharedData.Require("matlab_lr", "Set5", "x3");
        using var temp = new TempFolder();
        string hr = temp.Folder("hr");
        foreach (string file in Directory.GetFiles(pairs, "*_HR.png"))
        {
            File.Copy(file, Path.Combine(hr, Path.GetFileName(file)));
        }

        var run = TrainerProcess.Run("downscale", "--hr", hr, "--scale", "3", "-o", temp.File("lr"));

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (string file in Directory.GetFiles(hr))
        {
            Image actual = ImageFile.Load(Path.Combine(temp.Path, "lr", Path.GetFileName(file)));
            Image expected = ImageFile.Load(Path.Combine(pairs, Path.GetFileName(file).Replace("_HR", "_LR")));
            Assert.Equal(expected.Planes, actual.Planes);
        }
    }

    [Fact]
    public void Downscale_OutputIsInputFolder_RefusedAndInputsUntouched()
    {
        using var temp = new TempFolder();
        string hr = temp.Folder("hr");
        string file = Path.Combine(hr, "a.png");
        ImageFile.Save(TestImages.Pattern(16, 16), file);
        byte[] before = File.ReadAllBytes(file);

        var run = TrainerProcess.Run("downscale", "--hr", hr, "--scale", "2", "-o", hr + "/");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("overwritten", run.ErrorLines[0]);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void Downscale_OneCorruptImage_OthersStillWrittenAndNonZeroExit()
    {
        using var temp = new TempFolder();
        string hr = temp.Folder("hr");
        ImageFile.Save(TestImages.Pattern(16, 12), Path.Combine(hr, "good.png"));
        File.WriteAllBytes(Path.Combine(hr, "bad.jpg"), [1, 2, 3]);

        var run = TrainerProcess.Run("downscale", "--hr", hr, "--scale", "4", "-o", temp.File("lr"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("bad.jpg", run.ErrorLines[0]);
        Image good = ImageFile.Load(Path.Combine(temp.Path, "lr", "good.png"));
        Assert.Equal((4, 3), (good.Width, good.Height));
    }
}

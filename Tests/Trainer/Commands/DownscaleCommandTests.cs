using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Trainer.Commands;

public class DownscaleCommandTests
{
    [Fact]
    public void Downscale_Set5Folder_WritesMatlabsLrPictures()
    {
        using var temp = new TempFolder();
        string hr = temp.Folder("hr");
        int index = 0;
        foreach (Image picture in MatlabResizeTests.ShippedHr("Set5", 3))
        {
            ImageFile.Save(picture, Path.Combine(hr, $"{index++}.png"));
        }

        var run = TrainerProcess.Run("downscale", "--hr", hr, "--scale", "3", "-o", temp.File("lr"));

        Assert.True(run.ExitCode == 0, run.Error);
        var written = Directory.GetFiles(temp.File("lr"), "*.png").Order(StringComparer.Ordinal).Select(ImageFile.Load);
        Assert.Equal(MatlabResizeTests.MatlabLr().Single(row => (string)row[0] == "Set5" && (int)row[1] == 3)[2], MatlabResizeTests.Sha256(written));
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

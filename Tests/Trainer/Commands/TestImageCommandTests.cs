using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Onnx;

namespace RealtimeSR.Tests.Trainer.Commands;

public class TestImageCommandTests
{
    [Fact]
    public void Test_ModelFromOriginal_WritesSrAndThreePanelStripAndScores()
    {
        using var temp = new TempFolder();
        string picture = temp.File("pic.png");
        ImageFile.Save(TestImages.Pattern(50, 41, seed: 9), picture);
        string model = temp.File("tiny.onnx");
        File.WriteAllBytes(model, TestModels.SuperResolutionBytes(TinySrWeights.Random(2), TestModels.Card(2)));

        var run = TrainerProcess.Run("test", "--model", model, "--image", picture, "--from-original", "--ep", "cpu");

        Assert.True(run.ExitCode == 0, run.Error);
        Image sr = ImageFile.Load(temp.File("pic_srx2.png"));
        Image strip = ImageFile.Load(temp.File("pic_srx2_compare.png"));
        Assert.Equal((50, 40), (sr.Width, sr.Height)); // 25x20 LR from the mod-cropped 50x40 original
        Assert.Equal((3 * 50 + 2 * 4, 40), (strip.Width, strip.Height));
        Assert.Contains("bicubic      PSNR", run.Output);
        Assert.Contains("tiny.onnx", run.Output);
    }

    [Fact]
    public void Test_BicubicOnLowResPicture_WritesTwoPanelStrip()
    {
        using var temp = new TempFolder();
        string picture = temp.File("small.bmp");
        ImageFile.Save(TestImages.Pattern(21, 13), picture);

        var run = TrainerProcess.Run("test", "--model", "bicubic", "--scale", "3", "--image", picture, "-o", temp.File("big.png"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal((63, 39), Size(temp.File("big.png")));
        Assert.Equal((2 * 63 + 4, 39), Size(temp.File("big_compare.png")));
    }

    [Fact]
    public void Test_CorruptPicture_OneLineAndNonZeroExit()
    {
        using var temp = new TempFolder();
        string picture = temp.File("broken.jpg");
        File.WriteAllBytes(picture, [0xFF, 0xD8, 0xFF, 0x00, 0x01]);

        var run = TrainerProcess.Run("test", "--model", "bicubic", "--scale", "2", "--image", picture);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"error: {picture}: not a readable", Assert.Single(run.ErrorLines));
    }

    private static (int Width, int Height) Size(string path)
    {
        Image image = ImageFile.Load(path);
        return (image.Width, image.Height);
    }
}

using System.Globalization;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Trainer.Commands;

namespace RealtimeSR.Tests.Trainer.Training;

public class TrainCommandTests
{
    private static readonly string[] TinyRun =
    [
        "train", "--arch", "espcn", "--channels", "8", "--scale", "2", "--crop", "24", "--batch", "4",
        "--log-every", "1", "--checkpoint-every", "10", "--no-val", "--threads", "1",
    ];

    [Fact]
    public void Train_ThirtySteps_LowersLossAndWritesRunFiles()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 6);
        string run = temp.File("run");

        var result = TrainerProcess.Run([.. TinyRun, "--max-steps", "30", "--train", data, "-o", run]);

        Assert.True(result.ExitCode == 0, result.Error);
        double[] losses = Losses(run).Values.ToArray();
        Assert.Equal(30, losses.Length);
        Assert.True(losses[^5..].Average() < losses[..5].Average() * 0.8,
            $"loss did not fall: first {losses[..5].Average():G4}, last {losses[^5..].Average():G4}");
        foreach (string file in new[] { "ckpt.pt", "config.json", "log.csv", "tensorboard" })
        {
            Assert.True(Path.Exists(Path.Combine(run, file)), $"{file} missing");
        }

        Assert.Contains(Path.Combine(run, "ckpt.pt"), result.Error); // says where its files went
    }

    [Fact]
    public void Train_ResumedHalfway_ContinuesWithTheSameLosses()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 4);
        string whole = temp.File("whole");
        string halves = temp.File("halves");

        ToolResult second = RunWholeAndInHalves([.. TinyRun, "--train", data], steps: 30, whole, halves);

        Assert.Contains("resumed", second.Error);
        AssertSameLosses(whole, halves);
    }

    [Fact]
    public void Train_WithDegradationsResumedHalfway_ContinuesWithTheSameLossesAndRecordsTheSettings()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 4);
        string whole = temp.File("whole");
        string halves = temp.File("halves");
        string settings = temp.File("heavy.json");
        File.WriteAllText(settings, """{ "clean_probability": 0, "h264_probability": 1, "h264_crf": { "min": 30, "max": 40 } }""");
        string[] degraded = [.. TinyRun, "--degrade", settings, "--train", data];

        RunWholeAndInHalves(degraded, steps: 12, whole, halves);

        AssertSameLosses(whole, halves);

        string config = File.ReadAllText(Path.Combine(halves, "config.json"));
        Assert.Contains("\"h264_probability\": 1", config);
        Assert.Contains("\"min\": 30", config);
        Assert.Contains("\"jpeg_probability\": 0.1", config); // a default the file left alone
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("{ \"noise_probability\": 2 }")]
    public void Train_BadDegradationSettings_OneLineAndUsageExit(string settings)
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 1);
        string value = settings.StartsWith('{') ? temp.File("bad.json") : settings;
        if (settings.StartsWith('{'))
        {
            File.WriteAllText(value, settings);
        }

        var result = TrainerProcess.Run([.. TinyRun, "--degrade", value, "--max-steps", "2", "--train", data, "-o", temp.File("run")]);

        Assert.Equal(RealtimeSR.Shared.Commands.ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: --degrade", result.ErrorLines[0]);
    }

    [Fact]
    public void Train_InitFromAShallowerRun_StartsFromItsWeights()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 4);
        string[] realtime = ["train", "--arch", "realtime", "--channels", "8", "--scale", "2", "--crop", "24", "--batch", "4", "--no-val", "--threads", "1", "--train", data];
        string shallow = temp.File("shallow");

        var first = TrainerProcess.Run([.. realtime, "--blocks", "2", "--max-steps", "5", "-o", shallow]);
        var second = TrainerProcess.Run([.. realtime, "--blocks", "3", "--max-steps", "5", "--init-from", Path.Combine(shallow, "ckpt.pt"), "-o", temp.File("deeper")]);
        var missing = TrainerProcess.Run([.. realtime, "--max-steps", "5", "--init-from", temp.File("none.pt"), "-o", temp.File("none")]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("(step 5): 9 tensors copied, 1 new layers start as identity, 0 tensors freshly initialised", second.Error);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Single(missing.ErrorLines);
        Assert.Contains("checkpoint not found", missing.ErrorLines[0]);
    }

    [Fact]
    public void Train_MissingDataFolder_OneLineAndNonZeroExit()
    {
        using var temp = new TempFolder();

        var result = TrainerProcess.Run([.. TinyRun, "--max-steps", "5", "--train", "/nonexistent/pictures", "-o", temp.File("run")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(["error: /nonexistent/pictures: training data folder not found"], result.ErrorLines);
    }

    [Fact]
    public void Train_OnlyCorruptPictures_OneLineAndNonZeroExit()
    {
        using var temp = new TempFolder();
        string data = temp.Folder("bad");
        File.WriteAllText(Path.Combine(data, "broken.png"), "not a picture");

        var result = TrainerProcess.Run([.. TinyRun, "--max-steps", "5", "--train", data, "-o", temp.File("run")]);

        Assert.NotEqual(0, result.ExitCode);
        string error = Assert.Single(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("1 unreadable", error);
    }

    [Fact]
    public void Train_ScaleTheArchitectureLacks_OneLineAndNonZeroExit()
    {
        using var temp = new TempFolder();

        var result = TrainerProcess.Run("train", "--arch", "srresnet", "--scale", "5", "-o", temp.File("run"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(["error: srresnet does not support scale 5 (it supports 2, 3, 4 and 8)"], result.ErrorLines);
    }

    [Fact]
    public void Train_ResumeWithAnotherArchitecture_OneLineAndNonZeroExit()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 2);
        string run = temp.File("run");
        Assert.Equal(0, TrainerProcess.Run([.. TinyRun, "--max-steps", "2", "--train", data, "-o", run]).ExitCode);

        var result = TrainerProcess.Run("train", "--arch", "fsrcnn", "-o", run, "--resume");

        Assert.NotEqual(0, result.ExitCode);
        string error = Assert.Single(result.ErrorLines);
        Assert.Contains("is a espcn run", error);
    }

    [Fact]
    public void Train_OutputHoldsARunWithoutResume_RefusesAndKeepsIt()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 2);
        string run = temp.File("run");
        Assert.Equal(0, TrainerProcess.Run([.. TinyRun, "--max-steps", "2", "--train", data, "-o", run]).ExitCode);
        byte[] before = File.ReadAllBytes(Path.Combine(run, "ckpt.pt"));

        var result = TrainerProcess.Run([.. TinyRun, "--max-steps", "2", "--train", data, "-o", run]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--resume", Assert.Single(result.ErrorLines));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(run, "ckpt.pt")));
    }

    [Fact]
    public void Train_SrganWithOnnxFeatures_TrainsFromTheSrResNetAndExports()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 4);
        string features = temp.File("features.onnx");
        File.WriteAllBytes(features, OnnxFeatureExtractorTests.ResNetStyleModel());
        string[] small = ["--channels", "8", "--blocks", "1", "--scale", "2", "--crop", "32", "--batch", "2", "--log-every", "1", "--no-val", "--threads", "1", "--train", data];
        string generator = temp.File("srresnet");
        string gan = temp.File("srgan");
        string model = temp.File("srgan-x2.onnx");

        var pretrain = TrainerProcess.Run(["train", "--arch", "srresnet", .. small, "--max-steps", "2", "-o", generator]);
        string[] srgan = ["train", "--arch", "srgan", .. small, "--generator", Path.Combine(generator, "ckpt.pt"), "--perceptual", features];
        var trained = TrainerProcess.Run([.. srgan, "--perceptual-output", OnnxFeatureExtractorTests.FeaturesName, "--perceptual-input", "caffe-bgr", "--adversarial-weight", "0.01", "--pixel-weight", "10", "--max-steps", "3", "-o", gan]);
        var export = TrainerProcess.Run("export", Path.Combine(gan, "ckpt.pt"), "-o", model, "--no-eval");
        var noOutput = TrainerProcess.Run([.. srgan, "--max-steps", "3", "-o", temp.File("no-output")]);
        var badInput = TrainerProcess.Run([.. srgan, "--perceptual-output", "x", "--perceptual-input", "rgb", "--max-steps", "3", "-o", temp.File("bad-input")]);
        var stray = TrainerProcess.Run(["train", "--arch", "srresnet", .. small, "--perceptual-output", "x", "--max-steps", "3", "-o", temp.File("stray")]);
        var smallCrop = TrainerProcess.Run("train", "--arch", "srgan", "--channels", "8", "--blocks", "1", "--scale", "2", "--crop", "30", "--train", data,
            "--generator", Path.Combine(generator, "ckpt.pt"), "--perceptual", features, "--perceptual-output", OnnxFeatureExtractorTests.FeaturesName, "-o", temp.File("small-crop"));
        var pixelsTwice = TrainerProcess.Run(["train", "--arch", "srgan", .. small, "--generator", Path.Combine(generator, "ckpt.pt"), "--pixel-weight", "1", "--max-steps", "3", "-o", temp.File("pixels-twice")]);

        Assert.True(pretrain.ExitCode == 0, pretrain.Error);
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.Contains($"content loss: MSE of '{OnnxFeatureExtractorTests.FeaturesName}' features of {features}", trained.Error);
        Assert.Equal([1L, 2, 3], Losses(gan).Keys.Order());
        Assert.Contains("\"adversarial_weight\": 0.01", File.ReadAllText(Path.Combine(gan, "config.json")));
        Assert.Contains("\"pixel_weight\": 10", File.ReadAllText(Path.Combine(gan, "config.json")));
        Assert.Contains("+ 10 × MSE on pixels; adversarial weight 0.01", trained.Error);
        Assert.All(Losses(gan).Values, loss => Assert.True(double.IsFinite(loss) && loss > 0, $"loss {loss}"));
        Assert.True(export.ExitCode == 0, export.Error);
        using (var session = new SrSession(model, new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu }))
        {
            Assert.Equal($"MSE of features.onnx '{OnnxFeatureExtractorTests.FeaturesName}' features + 10 × MSE on pixels + 0.01 × adversarial", session.Card!.Extra["loss"]);
        }

        Assert.NotEqual(0, noOutput.ExitCode);
        Assert.Contains("--perceptual-output", Assert.Single(noOutput.ErrorLines));
        Assert.NotEqual(0, badInput.ExitCode);
        Assert.Contains("--perceptual-input rgb", Assert.Single(badInput.ErrorLines));
        Assert.NotEqual(0, stray.ExitCode);
        Assert.Contains("--perceptual", Assert.Single(stray.ErrorLines));
        Assert.NotEqual(0, smallCrop.ExitCode);
        Assert.StartsWith("error: --crop 30: the feature loss shifts its pictures", Assert.Single(smallCrop.ErrorLines));
        Assert.NotEqual(0, pixelsTwice.ExitCode);
        Assert.StartsWith("error: --pixel-weight 1: SRGAN with --perceptual only", Assert.Single(pixelsTwice.ErrorLines));
    }

    [Fact]
    public void Train_WithValidation_LogsScoresAndASamplePictureToTensorBoard()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 2);
        string validation = temp.Folder("val");
        ImageFile.Save(TestImages.Pattern(40, 32, seed: 9), Path.Combine(validation, "v.png"));
        string run = temp.File("run");

        var result = TrainerProcess.Run([.. TinyRun.Where(a => a != "--no-val"), "--max-steps", "4", "--validate-every", "2", "--val", validation, "--train", data, "-o", run]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("step 4: val PSNR", result.Error);
        byte[] events = File.ReadAllBytes(Assert.Single(Directory.GetFiles(Path.Combine(run, "tensorboard"))));
        Assert.True(Contains(events, "sample/val"u8) && Contains(events, [0x89, (byte)'P', (byte)'N', (byte)'G']), "no sample picture in the event file");
        Assert.Empty(Directory.GetFiles(Path.Combine(run, "tensorboard"), ".picture-*")); // the hand-over PNG is gone
        Assert.True(Contains(events, "train/batch_lr_over_hr"u8), "no picture of the batch in the event file");
    }

    [Fact]
    public void Train_DegradedWithoutValidation_StillShowsTheBatchInTensorBoard()
    {
        using var temp = new TempFolder();
        string data = MakePictures(temp, count: 2);
        string run = temp.File("run");

        var result = TrainerProcess.Run([.. TinyRun, "--degrade", "real", "--max-steps", "2", "--validate-every", "2", "--train", data, "-o", run]);

        Assert.True(result.ExitCode == 0, result.Error);
        byte[] events = File.ReadAllBytes(Assert.Single(Directory.GetFiles(Path.Combine(run, "tensorboard"))));
        Assert.True(Contains(events, "train/batch_lr_over_hr"u8), "no picture of the batch in the event file");
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static string MakePictures(TempFolder temp, int count)
    {
        string folder = temp.Folder("pictures");
        for (int i = 0; i < count; i++)
        {
            ImageFile.Save(TestImages.Pattern(120, 104, seed: i + 1), Path.Combine(folder, $"p{i}.png"));
        }

        return folder;
    }

    /// <summary>
    /// Trains <paramref name="run"/> (an espcn command line without -o and --max-steps) for <paramref name="steps"/>
    /// steps into <paramref name="whole"/>, and for half of them into <paramref name="halves"/> and then resumed to
    /// the end; returns the resumed run's result.
    /// </summary>
    private static ToolResult RunWholeAndInHalves(string[] run, int steps, string whole, string halves)
    {
        var uninterrupted = TrainerProcess.Run([.. run, "--max-steps", $"{steps}", "-o", whole]);
        var first = TrainerProcess.Run([.. run, "--max-steps", $"{steps / 2}", "-o", halves]);
        var second = TrainerProcess.Run("train", "--arch", "espcn", "--threads", "1", "-o", halves, "--resume", "--max-steps", $"{steps}");
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        return second;
    }

    private static void AssertSameLosses(string whole, string halves)
    {
        Dictionary<long, double> expected = Losses(whole);
        Dictionary<long, double> actual = Losses(halves);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (long step in expected.Keys)
        {
            Assert.True(Math.Abs(expected[step] - actual[step]) <= 1e-5,
                $"step {step}: uninterrupted {expected[step]}, resumed {actual[step]}");
        }
    }

    /// <summary>The per-step training losses of a run's log.csv.</summary>
    private static Dictionary<long, double> Losses(string run)
    {
        var losses = new Dictionary<long, double>();
        foreach (string line in File.ReadLines(Path.Combine(run, "log.csv")).Skip(1))
        {
            string[] cells = line.Split(',');
            if (cells[1].Length > 0)
            {
                losses[long.Parse(cells[0], CultureInfo.InvariantCulture)] = double.Parse(cells[1], CultureInfo.InvariantCulture);
            }
        }

        return losses;
    }
}

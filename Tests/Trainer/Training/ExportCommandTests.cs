using System.Text.Json;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Trainer.Commands;

namespace RealtimeSR.Tests.Trainer.Training;

public class ExportCommandTests
{
    [Fact]
    public void TrainExportEval_TinyRun_OnnxAndCheckpointScoreTheSame()
    {
        using var temp = new TempFolder();
        string pictures = temp.Folder("pictures");
        for (int i = 0; i < 3; i++)
        {
            ImageFile.Save(TestImages.Pattern(120, 104, seed: i + 1), Path.Combine(pictures, $"p{i}.png"));
        }

        string run = temp.File("run");
        string model = temp.File("model.onnx");
        var train = TrainerProcess.Run("train", "--arch", "realtime", "--channels", "8", "--blocks", "2", "--scale", "2",
            "--crop", "32", "--batch", "4", "--max-steps", "20", "--no-val", "--threads", "1", "--train", pictures, "-o", run);
        var export = TrainerProcess.Run("export", Path.Combine(run, "ckpt.pt"), "-o", model, "--no-eval");
        var fromOnnx = TrainerProcess.Run("eval", "--model", model, "--hr", pictures, "--scale", "2", "--ep", "cpu", "--json", temp.File("onnx.json"));
        var fromCheckpoint = TrainerProcess.Run("eval", "--model", Path.Combine(run, "ckpt.pt"), "--hr", pictures, "--scale", "2", "--json", temp.File("ckpt.json"));
        string halfModel = temp.File("half.onnx");
        var halfExport = TrainerProcess.Run("export", Path.Combine(run, "ckpt.pt"), "-o", halfModel, "--no-eval", "--fp16-weights");
        var fromHalf = TrainerProcess.Run("eval", "--model", halfModel, "--hr", pictures, "--scale", "2", "--ep", "cpu", "--json", temp.File("half.json"));

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("parity", export.Output);
        Assert.True(fromOnnx.ExitCode == 0, fromOnnx.Error);
        Assert.True(fromCheckpoint.ExitCode == 0, fromCheckpoint.Error);
        Assert.Equal(Psnr(temp.File("ckpt.json")), Psnr(temp.File("onnx.json")), 0.01);
        using var session = new SrSession(model, new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        Assert.Equal("realtime", session.Card!.Architecture);
        Assert.Equal(20, session.Card.TrainingSteps);
        Assert.True(halfExport.ExitCode == 0, halfExport.Error);
        Assert.Contains("float16 weights move it by", halfExport.Output);
        Assert.True(fromHalf.ExitCode == 0, fromHalf.Error);
        Assert.Equal(Psnr(temp.File("onnx.json")), Psnr(temp.File("half.json")), 0.05);
        Assert.True(new FileInfo(halfModel).Length < new FileInfo(model).Length, "float16 weights did not make the file smaller");
        using var half = new SrSession(halfModel, new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        Assert.Equal("float16, cast to float32 at load", half.Card!.Extra["weights"]);
    }

    [Fact]
    public void Export_NotACheckpoint_OneLineAndBadModelExit()
    {
        using var temp = new TempFolder();
        string bogus = temp.File("ckpt.pt");
        File.WriteAllText(bogus, "hello");

        var run = TrainerProcess.Run("export", bogus, "-o", temp.File("m.onnx"));

        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith($"error: {bogus}: not a RealtimeSR checkpoint", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(temp.File("m.onnx")));
    }

    [Fact]
    public void Export_ExistingOutputWithoutOverwrite_RefusesAndKeepsIt()
    {
        using var temp = new TempFolder();
        string existing = temp.File("m.onnx");
        File.WriteAllText(existing, "keep me");

        var run = TrainerProcess.Run("export", temp.File("ckpt.pt"), "-o", existing);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--overwrite", Assert.Single(run.ErrorLines));
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    private static double Psnr(string json)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        return document.RootElement.GetProperty("results")[0].GetProperty("psnr").GetDouble();
    }
}

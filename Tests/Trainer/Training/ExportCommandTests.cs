using System.Text.Json;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
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
    public void Export_InterpolateWith_BlendsEveryWeightOfTheTwoRuns()
    {
        using var temp = new TempFolder();
        string pictures = temp.Folder("pictures");
        ImageFile.Save(TestImages.Pattern(120, 104, seed: 5), Path.Combine(pictures, "p.png"));
        string[] tiny = ["train", "--arch", "realtime", "--blocks", "1", "--scale", "2", "--crop", "32", "--batch", "2", "--max-steps", "3", "--no-val", "--threads", "1", "--train", pictures];
        var trainA = TrainerProcess.Run([.. tiny, "--channels", "8", "--seed", "1", "-o", temp.File("a")]);
        var trainB = TrainerProcess.Run([.. tiny, "--channels", "8", "--seed", "2", "-o", temp.File("b")]);
        var trainOther = TrainerProcess.Run([.. tiny, "--channels", "4", "-o", temp.File("other")]);
        string a = Path.Combine(temp.File("a"), "ckpt.pt");
        string b = Path.Combine(temp.File("b"), "ckpt.pt");

        var exportA = TrainerProcess.Run("export", a, "-o", temp.File("a.onnx"), "--no-eval");
        var exportB = TrainerProcess.Run("export", b, "-o", temp.File("b.onnx"), "--no-eval");
        var blend = TrainerProcess.Run("export", a, "-o", temp.File("blend.onnx"), "--no-eval", "--interpolate-with", b, "--interpolation", "0.25");
        var mismatch = TrainerProcess.Run("export", a, "-o", temp.File("mismatch.onnx"), "--no-eval", "--interpolate-with", Path.Combine(temp.File("other"), "ckpt.pt"), "--interpolation", "0.5");
        var alone = TrainerProcess.Run("export", a, "-o", temp.File("alone.onnx"), "--no-eval", "--interpolation", "0.5");

        Assert.True(trainA.ExitCode == 0 && trainB.ExitCode == 0 && trainOther.ExitCode == 0, trainA.Error + trainB.Error + trainOther.Error);
        Assert.True(exportA.ExitCode == 0 && exportB.ExitCode == 0, exportA.Error + exportB.Error);
        Assert.True(blend.ExitCode == 0, blend.Error);
        var weightsA = FloatInitializers(temp.File("a.onnx"));
        var weightsB = FloatInitializers(temp.File("b.onnx"));
        var blended = FloatInitializers(temp.File("blend.onnx"));
        Assert.Equal(weightsA.Count, blended.Count);
        Assert.Contains(weightsA.Keys, name => !weightsA[name].SequenceEqual(weightsB[name])); // the two runs did differ
        foreach (var (name, values) in blended)
        {
            for (int i = 0; i < values.Length; i++)
            {
                Assert.Equal(0.75 * weightsA[name][i] + 0.25 * weightsB[name][i], values[i], 1e-6);
            }
        }

        using (var session = new SrSession(temp.File("blend.onnx"), new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu }))
        {
            Assert.Equal("0.75 × this realtime run (step 3) + 0.25 × realtime step 3 (b)", session.Card!.Extra["interpolation"]);
        }

        Assert.Equal(ExitCodes.BadModel, mismatch.ExitCode);
        Assert.Contains("--interpolate-with needs the realtime x2 (8 channels, 1 blocks)", Assert.Single(mismatch.ErrorLines));
        Assert.False(File.Exists(temp.File("mismatch.onnx")));
        Assert.NotEqual(0, alone.ExitCode);
        Assert.Contains("go together", Assert.Single(alone.ErrorLines));
    }

    [Fact]
    public void Export_NotACheckpoint_OneLineAndBadModelExit()
    {
        using var temp = new TempFolder();
        string bogus = temp.File("ckpt.pt");
        File.WriteAllText(bogus, "hello");

        var run = TrainerProcess.Run("export", bogus, "-o", temp.File("m.onnx"));

        Assert.Equal(ExitCodes.BadModel, run.ExitCode);
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

    /// <summary>The float initializers of an ONNX file by name (names are deterministic for one architecture).</summary>
    private static Dictionary<string, float[]> FloatInitializers(string path) =>
        OnnxModelFile.Read(path).Graph.Initializer
            .Where(t => t.DataType == (int)TensorProto.Types.DataType.Float)
            .ToDictionary(t => t.Name, OnnxTensorValues.Floats);

    private static double Psnr(string json)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        return document.RootElement.GetProperty("results")[0].GetProperty("psnr").GetDouble();
    }
}

using RealtimeSR.Shared.Inference;
using RealtimeSR.Trainer.Evaluation;

namespace RealtimeSR.Tests.Media;

/// <summary>
/// A cheap guard against shipping a broken file: every model in media/models loads, follows the contract, carries a
/// complete card, and beats bicubic on Set5 at its scale by at least <see cref="MinimumGainDb"/>.
/// </summary>
public class ShippedModelTests
{
    private const double MinimumGainDb = 1.5;

    public static TheoryData<string> ShippedModels()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(ModelsFolder(), "*.onnx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void ModelsFolder_Always_HoldsTheDefaultModel()
    {
        Assert.True(File.Exists(Path.Combine(ModelsFolder(), "realtime-x4.onnx")), "media/models/realtime-x4.onnx is the default model of play and upscale");
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Load_ShippedModel_FollowsContractWithCompleteCard(string file)
    {
        using var session = new SrSession(Path.Combine(ModelsFolder(), file), new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });

        Assert.NotNull(session.Card);
        Assert.Equal(session.Scale, session.Card!.Scale);
        Assert.False(string.IsNullOrEmpty(session.Card.Architecture));
        Assert.True(session.Card.TrainingSteps > 0, $"{file}: the card does not say how long it trained");
        Assert.Contains(session.Card.Metrics.Keys, key => key.StartsWith("Set5_", StringComparison.Ordinal));
        Assert.Contains($"x{session.Scale}", file);
    }

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void Evaluate_ShippedModelOnSet5_BeatsBicubicByMargin(string file)
    {
        var set = BenchmarkSet.Named("Set5", dataRoot: null); // shipped in media/sets
        var session = new SrSession(Path.Combine(ModelsFolder(), file), new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        using var model = new OnnxUpscaler(session, file); // owns the session
        int scale = session.Scale;
        using var bicubic = new BicubicUpscaler(scale);

        double modelPsnr = new BenchmarkEvaluator(model, saveFolder: null).Evaluate(set).Psnr;
        double bicubicPsnr = new BenchmarkEvaluator(bicubic, saveFolder: null).Evaluate(set).Psnr;

        Assert.True(modelPsnr >= bicubicPsnr + MinimumGainDb, $"{file}: Set5 x{scale} {modelPsnr:F2} dB vs bicubic {bicubicPsnr:F2} dB");
    }

    private static string ModelsFolder() => CheckoutFile.Path("media", "models");
}

using RealtimeSR.Shared.Commands;
using RealtimeSR.Trainer.Data.Degradations;
using RealtimeSR.Trainer.Models;
using RealtimeSR.Trainer.Training;

namespace RealtimeSR.Tests.Trainer.Training;

/// <summary>The rules that tie a run's options together, checked in this process (no trainer child needed).</summary>
public class TrainOptionsTests
{
    private static readonly TrainOptions Valid = TrainOptions.Defaults with
    {
        Network = new NetworkOptions(RealtimeCore.ArchitectureName, 4, Channels: 8, Blocks: 2),
        Method = RealtimeCore.ArchitectureName,
    };

    [Fact]
    public void Validate_Defaults_Pass()
    {
        Valid.Validate();
        Assert.Equal(TrainOptions.DefaultCropSize(4), Valid.CropSize);
    }

    [Theory]
    [InlineData(0, "--crop 30: must be a multiple of the scale 4")]
    [InlineData(1, "--batch 0: must be at least 1")]
    [InlineData(2, "--workers 0: must be at least 1")]
    [InlineData(3, "--lr -1: a finite number above 0")]
    [InlineData(4, "--adversarial-weight 0.5: SRGAN only")]
    [InlineData(5, "--pixel-weight 1: SRGAN with --perceptual only")]
    [InlineData(6, "--degrade: NoiseProbability 2")]
    [InlineData(7, "--crop 100: H.264 needs an even LR side")]
    public void Validate_BrokenRule_UsageErrorNamingTheOption(int rule, string expectedStart)
    {
        TrainOptions broken = rule switch
        {
            0 => Valid with { CropSize = 30 },
            1 => Valid with { BatchSize = 0 },
            2 => Valid with { LoaderWorkers = 0 },
            3 => Valid with { LearningRate = -1 },
            4 => Valid with { AdversarialWeight = 0.5 },
            5 => Valid with { PixelWeight = 1 },
            6 => Valid with { Degradations = new DegradationOptions { NoiseProbability = 2 } },
            _ => Valid with { CropSize = 100, Degradations = new DegradationOptions() },
        };

        var e = Assert.Throws<UsageException>(broken.Validate);

        Assert.StartsWith(expectedStart, e.Message);
        Assert.Equal(ExitCodes.UsageError, e.ExitCode);
    }
}

using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Data.Degradations;

namespace RealtimeSR.Tests.Trainer.Data;

/// <summary>Batches are a function of (seed, step) alone: the same on any thread count and after a resume.</summary>
public class CropSamplerTests
{
    [Fact]
    public void Batch_WithDegradations_SameSeedAndStepGiveTheSameBatchOnAFreshSampler()
    {
        using var temp = new TempFolder();
        TrainingImageSet images = Pictures(temp);
        var options = new DegradationOptions();

        TrainingBatch first = new CropSampler(images, 32, 4, seed: 5, options).Batch(step: 12, count: 16);
        TrainingBatch again = new CropSampler(images, 32, 4, seed: 5, options).Batch(step: 12, count: 16);
        TrainingBatch next = new CropSampler(images, 32, 4, seed: 5, options).Batch(step: 13, count: 16);

        Assert.Equal(first.Lr, again.Lr);
        Assert.Equal(first.Hr, again.Hr);
        Assert.NotEqual(first.Lr, next.Lr);
    }

    [Fact]
    public void Batch_WithDegradations_LrDiffersFromTheCleanBicubicOfItsHr()
    {
        using var temp = new TempFolder();
        TrainingImageSet images = Pictures(temp);
        var degraded = new CropSampler(images, 32, 4, seed: 5, new DegradationOptions { CleanProbability = 0, H264Probability = 1 });
        var clean = new CropSampler(images, 32, 4, seed: 5);

        TrainingBatch batch = degraded.Batch(step: 3, count: 8);

        Assert.NotEqual(clean.Batch(step: 3, count: 8).Lr, batch.Lr);
        Assert.All(batch.Lr, v => Assert.InRange(v, 0f, 1f));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void BatchLoader_ResumedAtAStepWithAnyWorkerCount_GivesTheBatchesOfAFreshRun(int workers)
    {
        using var temp = new TempFolder();
        var sampler = new CropSampler(Pictures(temp), 32, 4, seed: 9, new DegradationOptions());

        using var loader = new BatchLoader(sampler, batchSize: 4, firstStep: 20, workers);
        for (long step = 20; step < 26; step++)
        {
            TrainingBatch resumed = loader.Next();
            TrainingBatch fresh = sampler.Batch(step, 4);
            Assert.Equal(step, resumed.Step);
            Assert.Equal(fresh.Lr, resumed.Lr);
            Assert.Equal(fresh.Hr, resumed.Hr);
        }
    }

    private static TrainingImageSet Pictures(TempFolder temp)
    {
        string folder = temp.Folder("train");
        for (int i = 0; i < 3; i++)
        {
            ImageFile.Save(TestImages.Pattern(80 + 8 * i, 72, seed: i + 1), Path.Combine(folder, $"p{i}.png"));
        }

        return TrainingImageSet.Load(TrainingImageSet.FindFiles([folder]), 48);
    }
}

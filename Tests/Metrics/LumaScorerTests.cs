using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Metrics;

/// <summary>The per-frame scorer the player uses gives the benchmark's figures, without allocating.</summary>
public sealed class LumaScorerTests
{
    [Theory]
    [InlineData(96, 64, 4)]
    [InlineData(37, 29, 2)]
    [InlineData(20, 17, 3)]
    public void Score_EqualsPsnrAndSsimOnLumaOfTheSamePictures(int width, int height, int shave)
    {
        Image reference = TestImages.Pattern(width, height, seed: 3).ToRange(PixelRange.Unit);
        var scorer = new LumaScorer(width, height, shave);
        scorer.SetReference(reference.Planes);
        foreach (int seed in new[] { 4, 5 })
        {
            // Unquantised candidates: both sides round them to 8 bits the same way.
            Image candidate = TestImages.Pattern(width, height, seed: seed).ToRange(PixelRange.Unit);
            for (int i = 0; i < candidate.Planes.Length; i += 7)
            {
                candidate.Planes[i] = Math.Clamp(candidate.Planes[i] + 0.0013f * (i % 5), 0, 1);
            }

            var (psnr, ssim) = scorer.Score(candidate.Planes);
            Image referenceBytes = reference.ToRange(PixelRange.Byte), candidateBytes = candidate.ToRange(PixelRange.Byte);
            Assert.Equal(Psnr.OnLuma(referenceBytes, candidateBytes, shave), psnr, 1e-9);
            Assert.Equal(Ssim.OnLuma(referenceBytes, candidateBytes, shave), ssim, 1e-12);
        }

        Assert.Equal((double.PositiveInfinity, 1.0), (scorer.Score(reference.Planes).Psnr, Math.Round(scorer.Score(reference.Planes).Ssim, 12)));
    }

    [Fact]
    public void Score_AfterTheFirst_AllocatesNothing()
    {
        Image reference = TestImages.Pattern(160, 120, seed: 3).ToRange(PixelRange.Unit);
        Image candidate = TestImages.Pattern(160, 120, seed: 4).ToRange(PixelRange.Unit);
        var scorer = new LumaScorer(160, 120, 2);
        scorer.SetReference(reference.Planes);
        scorer.Score(candidate.Planes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        scorer.SetReference(reference.Planes);
        scorer.Score(candidate.Planes);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

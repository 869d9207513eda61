using System.Diagnostics;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Metrics;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>One model on one clip under one condition: mean Y-PSNR and SSIM over the frames, flicker, time.</summary>
internal sealed record VideoResult(string Clip, string Condition, string Model, int Frames, double Psnr, double Ssim, double Flicker, double MillisecondsPerFrame);

/// <summary>
/// Scores an upscaler on a <see cref="CompressedClip"/>: every frame by the benchmark rules (Y, <c>scale</c> px
/// shaved) and the clip by its <see cref="Flicker"/>.
/// </summary>
internal static class VideoEvaluator
{
    public static IEnumerable<VideoResult> Evaluate(IUpscaler upscaler, CompressedClip clip)
    {
        int shave = upscaler.Scale;
        foreach (var (condition, lr) in clip.Conditions)
        {
            double psnr = 0, ssim = 0, milliseconds = 0;
            var flicker = new Flicker(shave);
            for (int t = 0; t < lr.Count; t++)
            {
                Image hr = clip.Hr[t];
                long start = Stopwatch.GetTimestamp();
                Image sr = upscaler.Upscale(lr[t]);
                milliseconds += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                psnr += Psnr.OnLuma(hr, sr, shave);
                ssim += Ssim.OnLuma(hr, sr, shave);
                flicker.Add(hr, sr);
            }

            int n = lr.Count;
            yield return new VideoResult(clip.Name, condition, upscaler.Name, n, psnr / n, ssim / n, flicker.Mean, milliseconds / n);
        }
    }
}

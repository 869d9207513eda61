namespace RealtimeSR.Trainer.Evaluation;

/// <summary>Mean scores of one upscaler on one benchmark set. PSNR in dB, SSIM in [−1, 1], time in ms per image.</summary>
internal sealed record SetResult(string Dataset, int Images, double Psnr, double Ssim, double MillisecondsPerImage);

namespace RealtimeSR.Shared.Metrics;

/// <summary>
/// How close one upscaled frame and its bicubic upscale are to the original high-resolution frame, scored exactly as
/// <c>eval</c> scores (both quantised to 8 bits, Y channel, <c>scale</c> pixels of border shaved; <see cref="LumaScorer"/>).
/// </summary>
/// <param name="PsnrBicubic">Y-PSNR of the bicubic upscale, dB.</param>
/// <param name="PsnrSr">Y-PSNR of the SR frame, dB.</param>
/// <param name="SsimBicubic">SSIM of the bicubic upscale.</param>
/// <param name="SsimSr">SSIM of the SR frame.</param>
public readonly record struct ReferenceScores(double PsnrBicubic, double PsnrSr, double SsimBicubic, double SsimSr)
{
    /// <summary>No scores (no reference).</summary>
    public static readonly ReferenceScores None = new(double.NaN, double.NaN, double.NaN, double.NaN);

    public bool IsKnown => !double.IsNaN(PsnrSr);
}

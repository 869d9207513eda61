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

    /// <summary>
    /// Whether it can go into a mean: scored, and neither picture identical to the reference (whose PSNR is infinite).
    /// </summary>
    public bool IsMeasurable => double.IsFinite(PsnrSr) && double.IsFinite(PsnrBicubic);

    /// <summary>The mean of the measurable ones among <paramref name="scores"/> (<see cref="IsMeasurable"/>); null when there are none.</summary>
    public static ReferenceScores? MeanOf(IEnumerable<ReferenceScores> scores)
    {
        var measurable = scores.Where(s => s.IsMeasurable).ToList();
        return measurable.Count == 0 ? null : new ReferenceScores(
            measurable.Average(s => s.PsnrBicubic), measurable.Average(s => s.PsnrSr), measurable.Average(s => s.SsimBicubic), measurable.Average(s => s.SsimSr));
    }
}

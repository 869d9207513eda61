namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Wall-clock milliseconds each part of the last frame took, measured with <c>glFinish</c> around every pass (only
/// when <see cref="ViewRenderer.MeasurePasses"/> is on: the stalls cost throughput, so it is for diagnosis and
/// benchmarks). With a software rasteriser (llvmpipe) this is the real cost; with a GPU it includes the sync.
/// </summary>
/// <param name="UploadMs">LR + SR texture upload of the last <see cref="ViewRenderer.SetFrame"/>.</param>
/// <param name="BicubicRowsMs">Horizontal half of the bicubic upscale (once per new frame; 0 on redraws).</param>
/// <param name="BicubicMs">Bicubic pass (vertical half, per shown pixel).</param>
/// <param name="SrMs">SR pass.</param>
/// <param name="OverlayMs">Divider, labels and OSD.</param>
public readonly record struct PassTimings(double UploadMs, double BicubicRowsMs, double BicubicMs, double SrMs, double OverlayMs)
{
    public double DrawMs => BicubicRowsMs + BicubicMs + SrMs + OverlayMs;
}

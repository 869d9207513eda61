namespace RealtimeSR.Player.View;

/// <summary>
/// One area of the window showing one picture. A window pixel (x, y) (top-left origin, pixel centres at +0.5) shows
/// the SR-resolution picture pixel floor((x − <see cref="OffsetX"/>) / <see cref="Scale"/>),
/// floor((y − <see cref="OffsetY"/>) / <see cref="Scale"/>); both pictures are addressed at SR resolution, so the
/// bicubic side shows exactly the pixels of a bicubic ×scale upscale.
/// </summary>
/// <param name="Content">Which picture.</param>
/// <param name="Clip">The window pixels this pane draws (already cut at the divider and the window edge).</param>
/// <param name="OffsetX">Window x of picture x = 0.</param>
/// <param name="OffsetY">Window y of picture y = 0.</param>
/// <param name="Scale">Window pixels per SR picture pixel (fit × zoom).</param>
/// <param name="Fit">The letterboxed rectangle the whole picture fills at zoom 1 (its centre is the zoom centre).</param>
public readonly record struct ViewPane(
    PaneContent Content, PixelRect Clip, double OffsetX, double OffsetY, double Scale, PixelRect Fit)
{
    /// <summary>Window position → SR picture coordinate (continuous).</summary>
    public (double X, double Y) ToPicture(double windowX, double windowY) =>
        ((windowX - OffsetX) / Scale, (windowY - OffsetY) / Scale);
}

namespace RealtimeSR.Player.View;

/// <summary>
/// Everything the user controls about how frames are shown, as an immutable value: the input handler makes a new
/// one per change and the renderer reads it. Positions are normalised so they survive window and video size changes.
/// </summary>
/// <param name="Mode">How bicubic and SR share the window.</param>
/// <param name="Divider">Split position as a fraction of the shown picture's width, [0, 1]: left of it is bicubic (SR when <paramref name="Swapped"/>).</param>
/// <param name="Zoom">Magnification over the letterboxed fit, [1, <see cref="MaxZoom"/>]; applies to both sides.</param>
/// <param name="CenterX">Picture point (fraction of its width, [0, 1]) shown at the centre of each pane.</param>
/// <param name="CenterY">Picture point (fraction of its height, [0, 1]) shown at the centre of each pane.</param>
/// <param name="OsdVisible">Statistics overlay on.</param>
/// <param name="Fullscreen">Borderless fullscreen requested.</param>
/// <param name="Paused">Playback paused (stepping frames is allowed only then).</param>
/// <param name="Swapped">Split and side show SR on the left and bicubic on the right (A/B swap).</param>
public sealed record ViewState(
    ViewMode Mode = ViewMode.Split,
    double Divider = 0.5,
    double Zoom = 1,
    double CenterX = 0.5,
    double CenterY = 0.5,
    bool OsdVisible = false,
    bool Fullscreen = false,
    bool Paused = false,
    bool Swapped = false)
{
    public const double MaxZoom = 32;

    /// <summary>The next mode in the cycle split → side → sr → bicubic → split.</summary>
    public ViewState WithNextMode() => this with { Mode = (ViewMode)(((int)Mode + 1) % 4) };

    /// <summary>The halves of split and side exchanged (A/B): what was on the left is now on the right.</summary>
    public ViewState WithHalvesSwapped() => this with { Swapped = !Swapped };

    /// <summary>
    /// The whole picture flipped between SR and bicubic in place (the A/B flip people use to spot what changed):
    /// SR ⇄ bicubic, and from split or side to SR.
    /// </summary>
    public ViewState WithFlip() => this with { Mode = Mode == ViewMode.Sr ? ViewMode.Bicubic : ViewMode.Sr };

    /// <summary>
    /// This state with <paramref name="zoom"/> (clamped) and the centre moved to (<paramref name="centerX"/>,
    /// <paramref name="centerY"/>), clamped so that no pane shows anything beyond the picture's edges.
    /// </summary>
    public ViewState WithView(double zoom, double centerX, double centerY)
    {
        zoom = Math.Clamp(double.IsFinite(zoom) ? zoom : 1, 1, MaxZoom);
        double half = 0.5 / zoom;
        return this with
        {
            Zoom = zoom,
            CenterX = Math.Clamp(centerX, half, 1 - half),
            CenterY = Math.Clamp(centerY, half, 1 - half),
        };
    }
}

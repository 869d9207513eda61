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
/// <param name="DifferenceGain">How much the difference view amplifies |SR − bicubic|, [<see cref="MinDifferenceGain"/>, <see cref="MaxDifferenceGain"/>].</param>
/// <param name="DifferenceFromReference">The difference view shows |SR − reference| (with <c>--reference</c>) instead of |SR − bicubic|.</param>
/// <param name="Loupe">The magnifier under the pointer is on.</param>
/// <param name="LoupeZoom">The loupe's magnification over the view, [<see cref="MinLoupeZoom"/>, <see cref="MaxLoupeZoom"/>].</param>
/// <param name="PointerX">Last pointer position in window pixels (where the loupe looks).</param>
/// <param name="PointerY">Last pointer position in window pixels.</param>
public sealed record ViewState(
    ViewMode Mode = ViewMode.Split,
    double Divider = 0.5,
    double Zoom = 1,
    double CenterX = 0.5,
    double CenterY = 0.5,
    bool OsdVisible = false,
    bool Fullscreen = false,
    bool Paused = false,
    bool Swapped = false,
    double DifferenceGain = 8,
    bool DifferenceFromReference = false,
    bool Loupe = false,
    int LoupeZoom = 4,
    float PointerX = 0,
    float PointerY = 0)
{
    public const double MaxZoom = 32;

    public const double MinDifferenceGain = 1;

    public const double MaxDifferenceGain = 64;

    public const int MinLoupeZoom = 2;

    public const int MaxLoupeZoom = 16;

    /// <summary>The next mode in the cycle split → side → sr → bicubic → split (the difference view leaves it for split).</summary>
    public ViewState WithNextMode() => this with
    {
        Mode = Mode switch
        {
            ViewMode.Split => ViewMode.Side,
            ViewMode.Side => ViewMode.Sr,
            ViewMode.Sr => ViewMode.Bicubic,
            _ => ViewMode.Split,
        },
    };

    /// <summary>The difference view on, or off again (back to split).</summary>
    public ViewState WithDifferenceToggled() => this with { Mode = Mode == ViewMode.Difference ? ViewMode.Split : ViewMode.Difference };

    /// <summary>The difference view's gain times <paramref name="factor"/>, clamped.</summary>
    public ViewState WithDifferenceGainTimes(double factor) =>
        this with { DifferenceGain = Math.Clamp(DifferenceGain * factor, MinDifferenceGain, MaxDifferenceGain) };

    /// <summary>The loupe's zoom doubled per step up, halved per step down, clamped.</summary>
    public ViewState WithLoupeZoomSteps(int steps) =>
        this with { LoupeZoom = Math.Clamp((int)Math.Round(LoupeZoom * Math.Pow(2, steps)), MinLoupeZoom, MaxLoupeZoom) };

    /// <summary>The halves of split and side exchanged (A/B): what was on the left is now on the right.</summary>
    public ViewState WithHalvesSwapped() => this with { Swapped = !Swapped };

    /// <summary>
    /// The whole picture flipped between SR and bicubic in place (the A/B flip people use to spot what changed):
    /// SR ⇄ bicubic, and from split or side to SR.
    /// </summary>
    public ViewState WithFlip() => this with { Mode = Mode == ViewMode.Sr ? ViewMode.Bicubic : ViewMode.Sr };

    /// <summary>The pointer moved to (<paramref name="x"/>, <paramref name="y"/>) window pixels.</summary>
    public ViewState WithPointer(float x, float y) => this with { PointerX = x, PointerY = y };

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

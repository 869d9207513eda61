namespace RealtimeSR.Player.View;

/// <summary>
/// Where each picture goes in a window of a given size for a <see cref="ViewState"/>: the letterboxed fit (aspect
/// kept, black bars), zoom and pan applied equally to every pane, and the split at the divider. A value type with at
/// most two panes so that computing it every frame allocates nothing.
/// </summary>
public readonly record struct ViewLayout
{
    private ViewLayout(ViewPane first, ViewPane? second, int dividerX, int pictureWidth, int pictureHeight)
    {
        PictureWidth = pictureWidth;
        PictureHeight = pictureHeight;
        First = first;
        Second = second;
        DividerX = dividerX;
    }

    /// <summary>Width of the pictures laid out (SR resolution), pixels.</summary>
    public int PictureWidth { get; }

    /// <summary>Height of the pictures laid out (SR resolution), pixels.</summary>
    public int PictureHeight { get; }

    /// <summary>The left (or only) pane.</summary>
    public ViewPane First { get; }

    /// <summary>The right pane in split and side modes.</summary>
    public ViewPane? Second { get; }

    /// <summary>Window x of the divider in split mode (the first SR column), else −1.</summary>
    public int DividerX { get; }

    public int PaneCount => Second.HasValue ? 2 : 1;

    public ViewPane Pane(int index) => index switch
    {
        0 => First,
        1 when Second.HasValue => Second.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"the layout has {PaneCount} pane(s)"),
    };

    /// <summary>The pane whose clip contains the window point, if any.</summary>
    public ViewPane? PaneAt(float x, float y)
    {
        if (First.Clip.Contains(x, y))
        {
            return First;
        }

        return Second is { } second && second.Clip.Contains(x, y) ? second : null;
    }

    /// <summary>Lays out <paramref name="state"/> in a <paramref name="windowWidth"/>×<paramref name="windowHeight"/>
    /// pixel window for pictures of <paramref name="pictureWidth"/>×<paramref name="pictureHeight"/> (SR resolution).</summary>
    public static ViewLayout Compute(ViewState state, int windowWidth, int windowHeight, int pictureWidth, int pictureHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pictureWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pictureHeight, 1);
        windowWidth = Math.Max(1, windowWidth);
        windowHeight = Math.Max(1, windowHeight);
        var whole = new PixelRect(0, 0, windowWidth, windowHeight);
        PaneContent left = state.Swapped ? PaneContent.Sr : PaneContent.Bicubic;
        PaneContent right = state.Swapped ? PaneContent.Bicubic : PaneContent.Sr;
        switch (state.Mode)
        {
            case ViewMode.Side:
            {
                int half = windowWidth / 2;
                return new ViewLayout(
                    Place(left, new PixelRect(0, 0, half, windowHeight), state, pictureWidth, pictureHeight),
                    Place(right, new PixelRect(half, 0, windowWidth - half, windowHeight), state, pictureWidth, pictureHeight),
                    -1, pictureWidth, pictureHeight);
            }

            case ViewMode.Split:
            {
                ViewPane full = Place(left, whole, state, pictureWidth, pictureHeight);
                PixelRect fit = full.Clip;
                int divider = fit.X + (int)Math.Round(Math.Clamp(state.Divider, 0, 1) * fit.Width);
                ViewPane leftPane = full with { Clip = fit with { Width = divider - fit.X } };
                ViewPane rightPane = full with
                {
                    Content = right,
                    Clip = fit with { X = divider, Width = fit.Right - divider },
                };
                return new ViewLayout(leftPane, rightPane, divider, pictureWidth, pictureHeight);
            }

            default:
                PaneContent content = state.Mode switch
                {
                    ViewMode.Sr => PaneContent.Sr,
                    ViewMode.Difference => PaneContent.Difference,
                    _ => PaneContent.Bicubic,
                };
                return new ViewLayout(
                    Place(content, whole, state, pictureWidth, pictureHeight), null, -1, pictureWidth, pictureHeight);
        }
    }

    private static ViewPane Place(PaneContent content, PixelRect region, ViewState state, int pictureWidth, int pictureHeight)
    {
        double fitScale = Math.Min((double)region.Width / pictureWidth, (double)region.Height / pictureHeight);
        int fitWidth = Math.Max(1, (int)Math.Round(pictureWidth * fitScale));
        int fitHeight = Math.Max(1, (int)Math.Round(pictureHeight * fitScale));
        var fit = new PixelRect(
            region.X + (region.Width - fitWidth) / 2, region.Y + (region.Height - fitHeight) / 2, fitWidth, fitHeight);

        // The fit rectangle is whole pixels, so its own width decides the scale (at zoom 1 the picture fills it exactly).
        double scale = (double)fitWidth / pictureWidth * state.Zoom;
        double offsetX = fit.X + fitWidth / 2.0 - state.CenterX * pictureWidth * scale;
        double offsetY = fit.Y + fitHeight / 2.0 - state.CenterY * pictureHeight * scale;
        return new ViewPane(content, fit, offsetX, offsetY, scale, fit);
    }
}

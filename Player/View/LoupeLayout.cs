namespace RealtimeSR.Player.View;

/// <summary>
/// Where the loupe is drawn and what it shows: two squares beside the pointer, bicubic on the left and SR on the
/// right, each showing the picture point under the pointer at its centre, <see cref="ViewState.LoupeZoom"/> times
/// larger than the view shows it, nearest-neighbour (one picture pixel is a block of whole window pixels once the
/// scale is a whole number). Both halves are <see cref="ViewPane"/>s, so the passes that draw the view draw them.
/// </summary>
/// <param name="Bicubic">The left square.</param>
/// <param name="Sr">The right square.</param>
/// <param name="Frame">The rectangle around both, for the border.</param>
public readonly record struct LoupeLayout(ViewPane Bicubic, ViewPane Sr, PixelRect Frame)
{
    /// <summary>Gap between the pointer and the loupe, window pixels.</summary>
    public const int PointerGap = 24;

    /// <summary>
    /// The loupe for <paramref name="state"/> over <paramref name="layout"/> in a window of the given size; null when
    /// it is off or the pointer is not over a picture.
    /// </summary>
    public static LoupeLayout? Compute(ViewState state, in ViewLayout layout, int windowWidth, int windowHeight)
    {
        if (!state.Loupe || layout.PaneAt(state.PointerX, state.PointerY) is not { } pane || !pane.Clip.Contains(state.PointerX, state.PointerY))
        {
            return null;
        }

        // Each square a third of the shorter window side, within 64-320 pixels, and even (its centre is a pixel edge).
        int side = Math.Clamp(Math.Min(windowWidth, windowHeight) / 3, 64, 320) & ~1;
        int width = 2 * side;
        int x = (int)state.PointerX + PointerGap;
        if (x + width > windowWidth)
        {
            x = (int)state.PointerX - PointerGap - width;
        }

        int y = (int)state.PointerY + PointerGap;
        if (y + side > windowHeight)
        {
            y = (int)state.PointerY - PointerGap - side;
        }

        x = Math.Clamp(x, 0, Math.Max(0, windowWidth - width));
        y = Math.Clamp(y, 0, Math.Max(0, windowHeight - side));
        var (pictureX, pictureY) = pane.ToPicture(state.PointerX, state.PointerY);
        double scale = pane.Scale * state.LoupeZoom;
        ViewPane Half(PaneContent content, int left)
        {
            var square = new PixelRect(left, y, side, side);
            return new ViewPane(content, square, left + side / 2.0 - pictureX * scale, y + side / 2.0 - pictureY * scale, scale, square);
        }

        return new LoupeLayout(Half(PaneContent.Bicubic, x), Half(PaneContent.Sr, x + side), new PixelRect(x, y, width, side));
    }
}

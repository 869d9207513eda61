using RealtimeSR.Player.View;

namespace RealtimeSR.Player.Input;

/// <summary>
/// Turns input events into a new <see cref="ViewState"/> and into <see cref="PlayerAction"/>s for the pipeline. The
/// only thing it remembers between events is the mouse drag in progress (divider or pan); everything the user sees
/// lives in the state it returns. Bindings: see <see cref="KeyBindings.HelpText"/>.
/// </summary>
public sealed class InputHandler
{
    /// <summary>How close (window pixels) a press must be to the divider to grab it rather than pan.</summary>
    public const float DividerGrabPixels = 8;

    /// <summary>Zoom factor per wheel step.</summary>
    public const double ZoomPerStep = 1.25;

    private DragKind _drag;
    private float _lastX;
    private float _lastY;

    private enum DragKind
    {
        None,
        Divider,
        Pan,
    }

    /// <summary>True while the left button holds the divider.</summary>
    public bool IsDraggingDivider => _drag == DragKind.Divider;

    /// <summary>
    /// Applies one event. <paramref name="layout"/> must be the layout of <paramref name="state"/> in the current
    /// window (what is on screen), because mouse positions are interpreted against it. Actions are appended to
    /// <paramref name="actions"/>.
    /// </summary>
    public ViewState Handle(ViewState state, in InputEvent inputEvent, in ViewLayout layout, ICollection<PlayerAction> actions)
    {
        switch (inputEvent.Kind)
        {
            case InputEventKind.KeyDown when inputEvent.Repeat && !Repeats(inputEvent.Key):
                return state;
            case InputEventKind.KeyDown:
                return HandleKey(state, inputEvent.Key, actions);
            case InputEventKind.Quit:
                actions.Add(PlayerAction.Quit);
                return state;
            case InputEventKind.MouseButtonDown when inputEvent.Button == MouseButton.Left:
                state = state.WithPointer(inputEvent.X, inputEvent.Y);
                _drag = IsOnDivider(inputEvent.X, inputEvent.Y, layout)
                    ? DragKind.Divider
                    : layout.PaneAt(inputEvent.X, inputEvent.Y).HasValue ? DragKind.Pan : DragKind.None;
                (_lastX, _lastY) = (inputEvent.X, inputEvent.Y);
                return state;
            case InputEventKind.MouseButtonUp when inputEvent.Button == MouseButton.Left:
                ViewState released = Drag(state, inputEvent.X, inputEvent.Y, layout);
                _drag = DragKind.None;
                return released;
            case InputEventKind.MouseMotion:
                return Drag(state, inputEvent.X, inputEvent.Y, layout).WithPointer(inputEvent.X, inputEvent.Y);
            case InputEventKind.MouseWheel when inputEvent.Ctrl && state.Loupe:
                return state.WithPointer(inputEvent.X, inputEvent.Y).WithLoupeZoomSteps(Math.Sign(inputEvent.Wheel));
            case InputEventKind.MouseWheel:
                return ZoomAbout(state, inputEvent.Wheel, inputEvent.X, inputEvent.Y, layout).WithPointer(inputEvent.X, inputEvent.Y);
            default:
                return state;
        }
    }

    /// <summary>Keys that act again while held (seek, step, volume); toggles would flicker.</summary>
    private static bool Repeats(PlayerKey key) =>
        key is PlayerKey.Left or PlayerKey.Right or PlayerKey.Comma or PlayerKey.Period or PlayerKey.Plus or PlayerKey.Minus;

    private static bool IsOnDivider(float x, float y, in ViewLayout layout)
    {
        PixelRect fit = layout.First.Fit;
        return layout.DividerX >= 0 && Math.Abs(x - layout.DividerX) <= DividerGrabPixels && y >= fit.Y && y < fit.Bottom;
    }

    private static ViewState HandleKey(ViewState state, PlayerKey key, ICollection<PlayerAction> actions)
    {
        switch (key)
        {
            case PlayerKey.Space:
                actions.Add(PlayerAction.SetPaused(!state.Paused));
                return state with { Paused = !state.Paused };
            case PlayerKey.Left or PlayerKey.Right:
                actions.Add(PlayerAction.Seek(key == PlayerKey.Left ? -PlayerAction.SeekSeconds : PlayerAction.SeekSeconds));
                return state;
            case PlayerKey.Comma or PlayerKey.Period when state.Paused:
                actions.Add(PlayerAction.Step(key == PlayerKey.Comma ? -1 : 1));
                return state;
            case PlayerKey.M:
                return state.WithNextMode();
            case PlayerKey.X:
                return state.WithHalvesSwapped();
            case PlayerKey.B:
                return state.WithFlip();
            case PlayerKey.D:
                return state.WithDifferenceToggled();
            case PlayerKey.R:
                // Straight to the difference view, against the other picture than before.
                return state with { Mode = ViewMode.Difference, DifferenceFromReference = !state.DifferenceFromReference || state.Mode != ViewMode.Difference };
            case PlayerKey.LeftBracket or PlayerKey.RightBracket:
                return state.WithDifferenceGainTimes(key == PlayerKey.RightBracket ? 2 : 0.5);
            case PlayerKey.L:
                return state with { Loupe = !state.Loupe };
            case PlayerKey.O:
                return state with { OsdVisible = !state.OsdVisible };
            case PlayerKey.F:
                actions.Add(PlayerAction.SetFullscreen(!state.Fullscreen));
                return state with { Fullscreen = !state.Fullscreen };
            case PlayerKey.S:
                actions.Add(PlayerAction.Screenshot);
                return state;
            case PlayerKey.E:
                actions.Add(PlayerAction.Evidence);
                return state;
            case PlayerKey.N:
                actions.Add(PlayerAction.NextModel);
                return state;
            case PlayerKey.Plus or PlayerKey.Minus:
                actions.Add(PlayerAction.Volume(key == PlayerKey.Plus ? PlayerAction.VolumeStep : -PlayerAction.VolumeStep));
                return state;
            case PlayerKey.Q or PlayerKey.Escape:
                actions.Add(PlayerAction.Quit);
                return state;
            default:
                return state;
        }
    }

    private ViewState Drag(ViewState state, float x, float y, in ViewLayout layout)
    {
        float dx = x - _lastX;
        float dy = y - _lastY;
        (_lastX, _lastY) = (x, y);
        switch (_drag)
        {
            case DragKind.Divider:
                PixelRect fit = layout.First.Fit;
                return state with { Divider = Math.Clamp((x - fit.X) / (double)Math.Max(1, fit.Width), 0, 1) };
            case DragKind.Pan:
                double scale = layout.First.Scale;
                return state.WithView(
                    state.Zoom,
                    state.CenterX - dx / (scale * layout.PictureWidth),
                    state.CenterY - dy / (scale * layout.PictureHeight));
            default:
                return state;
        }
    }

    private static ViewState ZoomAbout(ViewState state, float steps, float x, float y, in ViewLayout layout)
    {
        ViewPane pane = layout.PaneAt(x, y) ?? layout.First;
        if (!pane.Clip.Contains(x, y))
        {
            // Over a black bar: zoom about the pane's centre instead of a point outside the picture.
            x = pane.Fit.X + pane.Fit.Width / 2f;
            y = pane.Fit.Y + pane.Fit.Height / 2f;
        }

        double zoom = Math.Clamp(state.Zoom * Math.Pow(ZoomPerStep, steps), 1, ViewState.MaxZoom);
        var (pictureX, pictureY) = pane.ToPicture(x, y);

        // Keep the picture point under the pointer where it is: pointer = fitCentre + (point − centre) × newScale.
        double newScale = pane.Scale / state.Zoom * zoom;
        double fitCentreX = pane.Fit.X + pane.Fit.Width / 2.0;
        double fitCentreY = pane.Fit.Y + pane.Fit.Height / 2.0;
        double centerX = (pictureX - (x - fitCentreX) / newScale) / layout.PictureWidth;
        double centerY = (pictureY - (y - fitCentreY) / newScale) / layout.PictureHeight;
        return state.WithView(zoom, centerX, centerY);
    }
}

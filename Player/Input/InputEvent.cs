namespace RealtimeSR.Player.Input;

/// <summary>
/// One user input in a platform-neutral form (the window layer translates SDL's events into these). Positions are
/// in drawable pixels, origin at the top-left of the window, x to the right, y down.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Key">The key for <see cref="InputEventKind.KeyDown"/>.</param>
/// <param name="Button">The button for button events.</param>
/// <param name="X">Pointer x in pixels (new width for <see cref="InputEventKind.WindowResized"/>).</param>
/// <param name="Y">Pointer y in pixels (new height for <see cref="InputEventKind.WindowResized"/>).</param>
/// <param name="Wheel">Wheel steps for <see cref="InputEventKind.MouseWheel"/>: positive away from the user (zoom in);
/// fractional from smooth-scrolling devices.</param>
/// <param name="Repeat">For <see cref="InputEventKind.KeyDown"/>: an auto-repeat of a held key.</param>
/// <param name="Ctrl">A Ctrl key was held (the wheel then zooms the loupe rather than the view).</param>
public readonly record struct InputEvent(
    InputEventKind Kind, PlayerKey Key = PlayerKey.Unknown, MouseButton Button = MouseButton.None,
    float X = 0, float Y = 0, float Wheel = 0, bool Repeat = false, bool Ctrl = false)
{
    public static InputEvent KeyDown(PlayerKey key) => new(InputEventKind.KeyDown, Key: key);

    public static InputEvent MouseDown(MouseButton button, float x, float y) =>
        new(InputEventKind.MouseButtonDown, Button: button, X: x, Y: y);

    public static InputEvent MouseUp(MouseButton button, float x, float y) =>
        new(InputEventKind.MouseButtonUp, Button: button, X: x, Y: y);

    public static InputEvent MouseMove(float x, float y) => new(InputEventKind.MouseMotion, X: x, Y: y);

    public static InputEvent MouseWheel(float steps, float x, float y, bool ctrl = false) =>
        new(InputEventKind.MouseWheel, X: x, Y: y, Wheel: steps, Ctrl: ctrl);
}

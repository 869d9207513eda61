using RealtimeSR.Player.Input;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>
/// Puts synthetic key and mouse events into SDL's queue (<c>SDL_PushEvent</c>) addressed to one window, so tests and
/// scripted demos drive the player exactly as a user would: the events come back out of
/// <see cref="SdlWindow.PollEvent"/> through the same translation as real ones. Positions are in drawable pixels.
/// </summary>
public sealed class SdlInputInjector
{
    private readonly SdlWindow _window;

    public SdlInputInjector(SdlWindow window)
    {
        _window = window;
    }

    /// <summary>A key press; <paramref name="repeat"/> marks it as the auto-repeat of a held key.</summary>
    public void KeyDown(PlayerKey key, bool repeat = false)
    {
        var (keycode, scancode) = SdlKeys.FromPlayerKey(key);
        var e = Header(SdlEvent.KeyDown);
        e.Byte12 = SdlEvent.Pressed;
        e.Byte13 = repeat ? (byte)1 : (byte)0;
        e.Int16 = scancode;
        e.Int20 = keycode;
        Push(ref e);
    }

    public void MouseMove(float x, float y)
    {
        var e = Header(SdlEvent.MouseMotion);
        var (px, py) = _window.ToPoints(x, y);
        e.Int20 = px;
        e.Int24 = py;
        Push(ref e);
    }

    public void MouseButton(MouseButton button, bool pressed, float x, float y)
    {
        var e = Header(pressed ? SdlEvent.MouseButtonDown : SdlEvent.MouseButtonUp);
        var (px, py) = _window.ToPoints(x, y);
        e.Int16 = SdlWindow.FromButton(button);
        e.Byte17 = pressed ? SdlEvent.Pressed : (byte)0;
        e.Byte18 = 1;
        e.Int20 = px;
        e.Int24 = py;
        Push(ref e);
    }

    /// <summary>
    /// A wheel turn of <paramref name="steps"/> (positive = away from the user) with the pointer at (x, y), with Ctrl
    /// held or not (SDL's keyboard modifier state is set, and stays until the next wheel turn sets it again).
    /// </summary>
    public void Wheel(int steps, float x, float y, bool ctrl = false)
    {
        SdlNative.SDL_SetModState(ctrl ? SdlEvent.LeftControlModifier : 0);
        var e = Header(SdlEvent.MouseWheel);
        var (px, py) = _window.ToPoints(x, y);
        e.Int16 = 0;
        e.Int20 = steps;
        e.Float32 = steps;
        e.Int24 = 0;
        e.Int36 = px;
        e.Int40 = py;
        Push(ref e);
    }

    /// <summary>Press at <paramref name="from"/>, move in a few steps, release at <paramref name="to"/>.</summary>
    public void Drag((float X, float Y) from, (float X, float Y) to, int steps = 4)
    {
        MouseButton(Input.MouseButton.Left, true, from.X, from.Y);
        for (int i = 1; i <= steps; i++)
        {
            float t = (float)i / steps;
            MouseMove(from.X + (to.X - from.X) * t, from.Y + (to.Y - from.Y) * t);
        }

        MouseButton(Input.MouseButton.Left, false, to.X, to.Y);
    }

    private SdlEvent Header(uint type) => new() { Type = type, WindowId = _window.WindowId };

    private static void Push(ref SdlEvent e)
    {
        // 1 = queued, 0 = filtered out by an event filter, < 0 = error; a filtered event would silently vanish.
        int result = SdlNative.SDL_PushEvent(ref e);
        if (result <= 0)
        {
            throw SdlException.FromLastError("SDL_PushEvent");
        }
    }
}

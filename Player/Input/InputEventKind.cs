namespace RealtimeSR.Player.Input;

/// <summary>What an <see cref="InputEvent"/> reports.</summary>
public enum InputEventKind
{
    KeyDown,
    MouseButtonDown,
    MouseButtonUp,
    MouseMotion,
    MouseWheel,

    /// <summary>The drawable area changed size (<see cref="InputEvent.X"/>, <see cref="InputEvent.Y"/> = new width, height in pixels).</summary>
    WindowResized,

    /// <summary>The user closed the window.</summary>
    Quit,
}

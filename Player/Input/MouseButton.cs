namespace RealtimeSR.Player.Input;

/// <summary>Mouse buttons as the player sees them.</summary>
public enum MouseButton
{
    None,
    Left,
    Middle,
    Right,
}

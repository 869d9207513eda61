namespace RealtimeSR.Player.Input;

/// <summary>The keys the player reacts to; everything else arrives as <see cref="Unknown"/>.</summary>
public enum PlayerKey
{
    Unknown,
    Space,
    Left,
    Right,
    Comma,
    Period,
    M,
    X,
    B,
    O,
    F,
    S,
    Plus,
    Minus,
    Q,
    Escape,
    D,
    L,
    LeftBracket,
    RightBracket,
    E,
    N,

    /// <summary>r: the difference view against the reference video instead of bicubic.</summary>
    R,
}

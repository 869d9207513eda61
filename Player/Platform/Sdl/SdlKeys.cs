using RealtimeSR.Player.Input;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>
/// SDL keycodes (layout-dependent <c>SDL_Keycode</c>, so `,` is the key that types a comma) ↔ <see cref="PlayerKey"/>.
/// '+' is accepted as '=' too, because on most layouts plus is shift+equals and users press it without shift.
/// </summary>
internal static class SdlKeys
{
    private const int ScancodeMask = 1 << 30;

    public static PlayerKey ToPlayerKey(int keycode) => keycode switch
    {
        ' ' => PlayerKey.Space,
        27 => PlayerKey.Escape,
        ',' => PlayerKey.Comma,
        '.' => PlayerKey.Period,
        'm' => PlayerKey.M,
        'x' => PlayerKey.X,
        'b' => PlayerKey.B,
        'o' => PlayerKey.O,
        'f' => PlayerKey.F,
        's' => PlayerKey.S,
        'q' => PlayerKey.Q,
        'd' => PlayerKey.D,
        'e' => PlayerKey.E,
        'n' => PlayerKey.N,
        'r' => PlayerKey.R,
        'l' => PlayerKey.L,
        '[' => PlayerKey.LeftBracket,
        ']' => PlayerKey.RightBracket,
        '+' or '=' or (ScancodeMask | 87) => PlayerKey.Plus,
        '-' or (ScancodeMask | 86) => PlayerKey.Minus,
        ScancodeMask | 80 => PlayerKey.Left,
        ScancodeMask | 79 => PlayerKey.Right,
        _ => PlayerKey.Unknown,
    };

    /// <summary>The (keycode, scancode) pair a real key press of <paramref name="key"/> produces (US layout).</summary>
    public static (int Keycode, int Scancode) FromPlayerKey(PlayerKey key) => key switch
    {
        PlayerKey.Space => (' ', 44),
        PlayerKey.Escape => (27, 41),
        PlayerKey.Comma => (',', 54),
        PlayerKey.Period => ('.', 55),
        PlayerKey.M => ('m', 16),
        PlayerKey.X => ('x', 27),
        PlayerKey.B => ('b', 5),
        PlayerKey.O => ('o', 18),
        PlayerKey.F => ('f', 9),
        PlayerKey.S => ('s', 22),
        PlayerKey.Q => ('q', 20),
        PlayerKey.D => ('d', 7),
        PlayerKey.E => ('e', 8),
        PlayerKey.N => ('n', 17),
        PlayerKey.R => ('r', 21),
        PlayerKey.L => ('l', 15),
        PlayerKey.LeftBracket => ('[', 47),
        PlayerKey.RightBracket => (']', 48),
        PlayerKey.Plus => ('=', 46),
        PlayerKey.Minus => ('-', 45),
        PlayerKey.Left => (ScancodeMask | 80, 80),
        PlayerKey.Right => (ScancodeMask | 79, 79),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "no SDL key for this player key"),
    };
}

namespace RealtimeSR.Player.Input;

/// <summary>The keys and mouse gestures of the player window, as text for <c>--help</c>.</summary>
public static class KeyBindings
{
    public const string HelpText =
        """
        Keys and mouse in the player window:
          space        pause / resume
          ← / →        seek back / forward 5 s
          , / .        step one frame back / forward (while paused)
          m            cycle mode: split → side → sr → bicubic
          n            next model: cycles through the --model files given (and bicubic); label and OSD follow
          x            swap the halves of split and side (SR left, bicubic right)
          b            flip the whole picture between SR and bicubic in place
          d            difference view on / off: |SR - bicubic| amplified (gain on the label)
          r            difference view against the --reference video: |SR - reference| (r again: back to bicubic)
          [ / ]        halve / double the difference view's gain (1-64, default 8)
          l            loupe on / off: bicubic | SR under the pointer, magnified, pixels as blocks
          ctrl+wheel   loupe zoom 2x / 4x / 8x / 16x (while the loupe is on)
          o            show / hide the statistics overlay (OSD)
          f            fullscreen on / off
          s            screenshot of what is shown (PNG)
          e            evidence snapshot: source, bicubic and SR of this frame (PNGs) + JSON
                       (file, frame, PTS, model SHA-256, scale, EP, view, each PNG's SHA-256)
          + / -        volume up / down
          q / Esc      quit
          drag divider move the split between bicubic (left) and SR (right)
          drag         pan (when zoomed in)
          wheel        zoom in / out about the pointer
        """;
}

namespace RealtimeSR.Player.Input;

/// <summary>
/// A request from the user that something outside the view must act on (the decoder seeks, the audio device
/// changes volume, the render loop saves a screenshot). A small value so that handling input allocates nothing.
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Amount">Its argument; the unit depends on <paramref name="Kind"/> (seconds, frames, volume fraction, 0/1).</param>
public readonly record struct PlayerAction(PlayerActionKind Kind, double Amount = 0)
{
    /// <summary>Seconds a ←/→ press seeks.</summary>
    public const double SeekSeconds = 5;

    /// <summary>Volume change per +/− press (fraction of full scale).</summary>
    public const double VolumeStep = 0.1;

    public static PlayerAction SetPaused(bool paused) => new(PlayerActionKind.SetPaused, paused ? 1 : 0);

    public static PlayerAction Seek(double seconds) => new(PlayerActionKind.Seek, seconds);

    public static PlayerAction Step(int frames) => new(PlayerActionKind.Step, frames);

    public static PlayerAction Volume(double delta) => new(PlayerActionKind.Volume, delta);

    public static PlayerAction SetFullscreen(bool fullscreen) => new(PlayerActionKind.SetFullscreen, fullscreen ? 1 : 0);

    public static readonly PlayerAction Screenshot = new(PlayerActionKind.Screenshot);

    public static readonly PlayerAction Evidence = new(PlayerActionKind.Evidence);

    public static readonly PlayerAction NextModel = new(PlayerActionKind.NextModel);

    public static readonly PlayerAction Quit = new(PlayerActionKind.Quit);
}

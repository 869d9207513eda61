namespace RealtimeSR.Player.Input;

/// <summary>What the pipeline or the render loop is asked to do.</summary>
public enum PlayerActionKind
{
    /// <summary>Pause (<see cref="PlayerAction.Amount"/> = 1) or resume (0) playback and audio.</summary>
    SetPaused,

    /// <summary>Seek by <see cref="PlayerAction.Amount"/> seconds (negative = back).</summary>
    Seek,

    /// <summary>While paused, show the frame <see cref="PlayerAction.Amount"/> frames away (±1).</summary>
    Step,

    /// <summary>Save what is on screen now as a PNG.</summary>
    Screenshot,

    /// <summary>Switch to the next of the models given (and bicubic).</summary>
    NextModel,

    /// <summary>Save the frame on screen as evidence: source, bicubic and SR PNGs with a JSON sidecar.</summary>
    Evidence,

    /// <summary>Change the volume by <see cref="PlayerAction.Amount"/> (fraction of full scale, e.g. ±0.1).</summary>
    Volume,

    /// <summary>Enter (<see cref="PlayerAction.Amount"/> = 1) or leave (0) fullscreen.</summary>
    SetFullscreen,

    /// <summary>Stop playback and close the window.</summary>
    Quit,
}

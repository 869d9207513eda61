namespace RealtimeSR.Player.Pipeline;

/// <summary>Where playback stands (see <see cref="PlaybackTransport"/>).</summary>
public enum TransportState
{
    /// <summary>Decoding from a new position (the start, a seek, a step back); the clock is frozen until its first frame is on screen.</summary>
    Starting,

    /// <summary>Time runs; frames are shown when the clock reaches them.</summary>
    Playing,

    /// <summary>Time stands; the frame on screen stays.</summary>
    Paused,

    /// <summary>Paused, with the next frame asked for: it is shown as soon as it is ready, then playback is paused again.</summary>
    Stepping,
}

/// <summary>
/// The player's transport: one explicit state (<see cref="TransportState"/>) and the only code that starts,
/// pauses and resumes the clock and the sound. The render loop reports what the user asked for and what it showed,
/// and asks whether the next frame is due. Render thread only.
/// </summary>
public sealed class PlaybackTransport
{
    private readonly PlaybackPipeline _pipeline;
    private readonly bool _noDrop;
    private bool _pauseAfterStart;
    private bool _soundBehind;

    /// <param name="pipeline">The producing side, (re)started here.</param>
    /// <param name="noDrop">Show every frame as soon as it is ready (the clock does not pace them).</param>
    public PlaybackTransport(PlaybackPipeline pipeline, bool noDrop)
    {
        _pipeline = pipeline;
        _noDrop = noDrop;
    }

    public TransportState State { get; private set; } = TransportState.Starting;

    /// <summary>Index of the frame on screen, −1 before the first.</summary>
    public long ShownIndex { get; private set; } = -1;

    /// <summary>Its media time in seconds.</summary>
    public double ShownSeconds { get; private set; }

    /// <summary>Whether the user has playback paused (also while a new position starts or a frame is stepped).</summary>
    public bool Paused => State is TransportState.Paused or TransportState.Stepping || (State == TransportState.Starting && _pauseAfterStart);

    /// <summary>Starts decoding at frame <paramref name="index"/> (the start, a seek, a step back), keeping pause as it was.</summary>
    public void StartAt(long index)
    {
        _pauseAfterStart = Paused;
        _soundBehind = false;
        _pipeline.Start(index);
        State = TransportState.Starting;
    }

    /// <summary>Seeks by <paramref name="seconds"/> from the frame on screen.</summary>
    public void SeekBy(double seconds)
    {
        if (ShownIndex >= 0)
        {
            StartAt(_pipeline.IndexAt(ShownSeconds + seconds));
        }
    }

    /// <summary>One frame forward (when paused) or back.</summary>
    public void Step(int direction)
    {
        if (ShownIndex < 0)
        {
            return;
        }

        if (direction < 0)
        {
            StartAt(ShownIndex - 1);
        }
        else if (State == TransportState.Paused)
        {
            State = TransportState.Stepping;
        }
    }

    public void SetPaused(bool paused)
    {
        switch (State)
        {
            case TransportState.Starting:
                _pauseAfterStart = paused;
                break;
            case TransportState.Playing when paused:
                _pipeline.Clock.Freeze();
                _pipeline.SetAudioPaused(true);
                State = TransportState.Paused;
                break;
            case TransportState.Paused or TransportState.Stepping when !paused:
                Resume();
                break;
        }
    }

    /// <summary>What to do with the next decoded frame: show it now, wait, or (a step after a drop) start over at the wanted one.</summary>
    public FrameDecision Decide(long index, double seconds)
    {
        return State switch
        {
            TransportState.Starting => FrameDecision.Show,
            TransportState.Stepping when index != ShownIndex + 1 => FrameDecision.Restart,
            TransportState.Stepping => FrameDecision.Show,
            TransportState.Paused => FrameDecision.Wait,
            // A live frame is shown as soon as it is ready: its time is its arrival, already past.
            _ => _noDrop || _pipeline.Live is not null || _pipeline.Clock.NowSeconds >= seconds ? FrameDecision.Show : FrameDecision.Wait,
        };
    }

    /// <summary>A frame dropped before the pause stood between the shown one and the step: decode the wanted one (paused).</summary>
    public void RestartStep() => StartAt(ShownIndex + 1);

    /// <summary>The frame <paramref name="index"/> at <paramref name="seconds"/> went on screen.</summary>
    public void Shown(long index, double seconds)
    {
        ShownIndex = index;
        ShownSeconds = seconds;
        switch (State)
        {
            case TransportState.Starting when _pauseAfterStart:
                State = TransportState.Paused;
                break;
            case TransportState.Starting:
                _pipeline.SetAudioPaused(false);
                _pipeline.Clock.Run();
                State = TransportState.Playing;
                break;
            case TransportState.Stepping:
                // The sound stays where the pause left it; it must pick up at this frame when playback resumes.
                _soundBehind = true;
                State = TransportState.Paused;
                break;
        }
    }

    private void Resume()
    {
        // A live stream resumes at its present, not where the pause left it.
        if (_pipeline.Live is not null)
        {
            _pipeline.SkipToLive();
        }

        if (_soundBehind)
        {
            _pipeline.RestartAudio(ShownSeconds);
            _soundBehind = false;
        }

        _pipeline.SetAudioPaused(false);
        _pipeline.Clock.Run();
        State = TransportState.Playing;
    }
}

/// <summary>What the render loop does with the next decoded frame.</summary>
public enum FrameDecision
{
    Wait,
    Show,
    Restart,
}

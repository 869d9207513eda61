using System.Diagnostics;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The time a player shows frames by, in media seconds from the first video frame. It follows the audio when there
/// is audio (<see cref="IAudioPosition"/>: what is being heard now), otherwise a monotonic clock. It is frozen
/// while paused and after a seek until the first frame at the new position is on screen, so that the wait for that
/// frame does not make every following frame late. Read from any thread; changed by the render thread.
/// </summary>
public sealed class PlaybackClock
{
    private readonly object _gate = new();
    private IAudioPosition? _audio;
    private double _frozenAt;
    private double _baseSeconds;
    private long _baseTicks;
    private bool _running;

    /// <summary>True while time advances (not paused and not waiting for the first frame after a seek).</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>The current media time, seconds.</summary>
    public double NowSeconds
    {
        get
        {
            lock (_gate)
            {
                if (!_running)
                {
                    return _frozenAt;
                }

                return _audio?.PositionSeconds ?? _baseSeconds + (Stopwatch.GetTimestamp() - _baseTicks) / (double)Stopwatch.Frequency;
            }
        }
    }

    /// <summary>
    /// Stops time at <paramref name="seconds"/> and makes <paramref name="source"/> (null = monotonic) the source when
    /// it runs again; an audio source must be positioned so that it reads <paramref name="seconds"/> when it starts.
    /// </summary>
    public void Reset(double seconds, IAudioPosition? source)
    {
        lock (_gate)
        {
            _audio = source;
            _frozenAt = seconds;
            _running = false;
        }
    }

    /// <summary>Stops time where it is (pause).</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            if (_running)
            {
                _frozenAt = _audio?.PositionSeconds ?? _baseSeconds + (Stopwatch.GetTimestamp() - _baseTicks) / (double)Stopwatch.Frequency;
                _running = false;
            }
        }
    }

    /// <summary>Lets time advance from where it stands (resume, or the first frame after a seek is shown).</summary>
    public void Run()
    {
        lock (_gate)
        {
            if (!_running)
            {
                _baseSeconds = _frozenAt;
                _baseTicks = Stopwatch.GetTimestamp();
                _running = true;
            }
        }
    }
}

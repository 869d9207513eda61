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
    private readonly object gate = new();
    private IAudioPosition? audio;
    private double frozenAt;
    private double baseSeconds;
    private long baseTicks;
    private bool running;

    /// <summary>True while time advances (not paused and not waiting for the first frame after a seek).</summary>
    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>The current media time, seconds.</summary>
    public double NowSeconds
    {
        get
        {
            lock (gate)
            {
                if (!running)
                {
                    return frozenAt;
                }

                return audio?.PositionSeconds ?? baseSeconds + (Stopwatch.GetTimestamp() - baseTicks) / (double)Stopwatch.Frequency;
            }
        }
    }

    /// <summary>
    /// Stops time at <paramref name="seconds"/> and makes <paramref name="source"/> (null = monotonic) the source when
    /// it runs again; an audio source must be positioned so that it reads <paramref name="seconds"/> when it starts.
    /// </summary>
    public void Reset(double seconds, IAudioPosition? source)
    {
        lock (gate)
        {
            audio = source;
            frozenAt = seconds;
            running = false;
        }
    }

    /// <summary>Stops time where it is (pause).</summary>
    public void Freeze()
    {
        lock (gate)
        {
            if (running)
            {
                frozenAt = audio?.PositionSeconds ?? baseSeconds + (Stopwatch.GetTimestamp() - baseTicks) / (double)Stopwatch.Frequency;
                running = false;
            }
        }
    }

    /// <summary>Lets time advance from where it stands (resume, or the first frame after a seek is shown).</summary>
    public void Run()
    {
        lock (gate)
        {
            if (!running)
            {
                baseSeconds = frozenAt;
                baseTicks = Stopwatch.GetTimestamp();
                running = true;
            }
        }
    }
}

namespace RealtimeSR.Player.Pipeline;

/// <summary>Where audio playback is, for a <see cref="PlaybackClock"/> that follows the audio.</summary>
public interface IAudioPosition
{
    /// <summary>Media time (seconds from the first video frame) of the sample being heard now. Any thread.</summary>
    double PositionSeconds { get; }
}

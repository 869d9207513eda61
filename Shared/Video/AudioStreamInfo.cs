namespace RealtimeSR.Shared.Video;

/// <summary>An audio stream of a media file, as ffprobe reports it.</summary>
/// <param name="Index">Stream index in the file.</param>
/// <param name="Codec">Codec name, e.g. "aac".</param>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="Channels">Channel count.</param>
public sealed record AudioStreamInfo(int Index, string Codec, int SampleRate, int Channels);

namespace RealtimeSR.Shared.Video;

/// <summary>A subtitle stream of a media file, as ffprobe reports it.</summary>
/// <param name="Index">Stream index in the file.</param>
/// <param name="Codec">Codec name, e.g. "subrip", "mov_text".</param>
/// <param name="Language">Language tag, null when untagged.</param>
public sealed record SubtitleStreamInfo(int Index, string Codec, string? Language);

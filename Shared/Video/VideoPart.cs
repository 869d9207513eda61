namespace RealtimeSR.Shared.Video;

/// <summary>One separately encoded part of a video, for <see cref="VideoJoiner"/>.</summary>
/// <param name="Path">The part's file: video only, its frames stamped with the source's own timestamps.</param>
/// <param name="FirstPts">Its first frame's PTS, in the source's time base.</param>
public sealed record VideoPart(string Path, long FirstPts);

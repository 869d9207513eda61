namespace RealtimeSR.Player.Segments;

/// <summary>One segment of a segmented upscale: frames [<see cref="FirstFrame"/>, <see cref="FirstFrame"/> + <see cref="Frames"/>) of the source.</summary>
/// <param name="Index">0-based position in the plan.</param>
/// <param name="FirstFrame">Index of its first frame in the source's decoded frames (a keyframe).</param>
/// <param name="Frames">How many frames it has (at least one).</param>
internal sealed record SegmentRange(int Index, int FirstFrame, int Frames);

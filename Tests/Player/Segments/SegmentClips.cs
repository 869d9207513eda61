using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Segments;

/// <summary>Clips and checks the segmented-upscale tests share.</summary>
internal static class SegmentClips
{
    /// <summary>
    /// A 160×120 VFR Matroska clip of 96 frames with a keyframe every 12, audio and subtitles:
    /// enough keyframes for several segments, and every stream a join must carry over.
    /// </summary>
    public static string VfrWithAudioAndSubtitles(string path) =>
        TestClips.Make(path, 160, 120, frames: 96, vfr: true, audio: true, subtitles: true,
            codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 12 -keyint_min 12 -sc_threshold 0");

    /// <summary>Asserts that <paramref name="actual"/> has the same pictures at the same timestamps, and the same audio and subtitle packets, as <paramref name="expected"/>.</summary>
    public static void AssertSameStreams(string expected, string actual, bool subtitles = true)
    {
        Assert.Equal(TestClips.FrameMd5(expected), TestClips.FrameMd5(actual));
        Assert.Equal(TestClips.PacketHashes(expected, "a"), TestClips.PacketHashes(actual, "a"));
        if (subtitles)
        {
            Assert.Equal(TestClips.PacketHashes(expected, "s"), TestClips.PacketHashes(actual, "s"));
        }
    }
}

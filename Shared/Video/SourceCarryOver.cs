using System.Globalization;
using FFMpegCore;
using FFMpegCore.Enums;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// What every file made from a source keeps of it besides the pictures, as ffmpeg arguments: its audio and subtitle
/// streams copied untouched (from the source as a second input), its colour tags, its MP4 time scale and its
/// rotation. The one-piece writer (<see cref="VideoWriter"/>) and the segment join (<see cref="VideoJoiner"/>) both
/// build their output with these, so a joined file and a one-piece file carry the same.
/// </summary>
internal static class SourceCarryOver
{
    /// <summary>Whether the source has audio or subtitle streams to copy.</summary>
    public static bool HasStreamsToCopy(VideoInfo source) => source.AudioStreams.Count + source.SubtitleStreams.Count > 0;

    /// <summary>Adds the source as the next input, for its audio and subtitles, cut to <paramref name="window"/> (seconds; null = all).</summary>
    public static FFMpegArguments AddStreamsInput(FFMpegArguments arguments, VideoInfo source, (double Start, double? Duration)? window) =>
        arguments.AddFileInput(source.Path, verifyExists: false, input =>
        {
            if (window is { } w)
            {
                // Custom arguments: FFMpegCore's StartTime and Duration take a TimeSpan, which rounds the
                // window's exact seconds to 100 ns ticks.
                input.WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"-ss {w.Start:R}"));
                if (w.Duration is { } d)
                {
                    input.WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"-t {d:R}"));
                }
            }
        });

    /// <summary>Maps input #<paramref name="input"/>'s audio and subtitle streams (any there are), copied.</summary>
    public static void CopyStreams(FFMpegOutputOptions output, int input) =>
        // Custom arguments: FFMpegCore's maps cannot be optional ("?": the source may have no audio or no
        // subtitles), and it has no builder that copies every subtitle stream.
        output.WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"-map {input}:a? -map {input}:s?"))
            .WithAudioCodec(AudioCodec.Copy)
            .WithCustomArgument("-c:s copy");

    /// <summary>The source's colour tags, and for MP4/MOV its time base as the track's time scale (exact timestamps).</summary>
    public static void AddTags(FFMpegOutputOptions output, VideoInfo source, string outputPath)
    {
        // Custom arguments: FFMpegCore has no builders for the colour tags or the MP4 track timescale.
        var colour = source.Colour;
        AddIf(output, "-colorspace", colour.Matrix);
        AddIf(output, "-color_range", colour.Range);
        AddIf(output, "-color_primaries", colour.Primaries);
        AddIf(output, "-color_trc", colour.Transfer);
        Rational tb = source.TimestampTimeBase;
        if (tb.Numerator == 1 && (outputPath.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || outputPath.EndsWith(".mov", StringComparison.OrdinalIgnoreCase)))
        {
            output.WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"-video_track_timescale {tb.Denominator}"));
        }
    }

    /// <summary>
    /// The source's display rotation on the (stream-copied) video stream. ffmpeg 5.1 writes a display matrix only
    /// when stream-copying, and turns the rotate tag into the matrix it reads back as this same rotation.
    /// </summary>
    public static void AddRotation(FFMpegOutputOptions output, VideoInfo source)
    {
        int rotate = (source.Rotation % 360 + 360) % 360;
        output.WithStreamMetadata("rotate", rotate.ToString(CultureInfo.InvariantCulture), StreamType.Video, 0);
    }

    private static void AddIf(FFMpegOutputOptions output, string option, string? value)
    {
        if (value is not null)
        {
            output.WithCustomArgument($"{option} {value}");
        }
    }
}

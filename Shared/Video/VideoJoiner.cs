using System.Globalization;
using System.Text;
using FFMpegCore;
using FFMpegCore.Enums;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Joins the separately encoded parts of one video into one file without re-encoding (ffmpeg's concat demuxer,
/// stream copy), with what a one-piece <see cref="VideoWriter"/> file keeps of the source
/// (<see cref="SourceCarryOver"/>): its audio and subtitles, copied once for the whole file, its colour tags and
/// rotation. The file is written under a temporary name and renamed when complete.
/// </summary>
/// <remarks>
/// The concat demuxer shifts each part to start where the previous one ended, and takes a part's length from its
/// container (Matroska's counts from zero, so parts with the source's timestamps would drift apart). So every part
/// but the last is given its exact length, the gap between its first PTS and the next part's, and the joined stream
/// is moved back to the first part's PTS (<c>-itsoffset</c>). ffmpeg reads both as microseconds; the lengths are the
/// differences of the parts' rounded start times, so the rounding does not add up, and one microsecond is less than
/// half a unit of any time base up to 1/500000: every frame lands on its own PTS again.
/// </remarks>
public static class VideoJoiner
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromHours(2);

    /// <summary>Joins <paramref name="parts"/> (in order) into <paramref name="output"/>.</summary>
    /// <param name="parts">The parts, each a file of the same codec and settings, stamped with <paramref name="source"/>'s timestamps.</param>
    /// <param name="source">The video the parts were made from: time base, audio, subtitles, colour tags and rotation.</param>
    /// <param name="output">The joined file (container from its extension, which the parts share).</param>
    /// <param name="sourceWindow">Start and duration (seconds) of the source part the video covers, for the copied streams; null = all.</param>
    /// <exception cref="VideoWriteException">ffmpeg failed; no file is left at <paramref name="output"/> or its temporary name.</exception>
    public static void Join(IReadOnlyList<VideoPart> parts, VideoInfo source, string output, (double Start, double? Duration)? sourceWindow = null)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("no parts to join", nameof(parts));
        }

        string path = Path.GetFullPath(output);
        string temporary = AtomicFile.TemporaryPathFor(path);
        string list = Path.Combine(Path.GetTempPath(), $"rtsr-join-{Guid.NewGuid():N}.ffconcat");
        Rational tb = source.TimestampTimeBase;
        try
        {
            File.WriteAllText(list, ConcatList(parts, tb));
            using var run = FfmpegRun.Start(Command(list, Microseconds(parts[0].FirstPts, tb), source, sourceWindow, temporary, path), FfmpegBinaries.Configured);
            if (run.WaitForExit(JoinTimeout) != 0)
            {
                throw new VideoWriteException(path, run.Reason("joining the segments failed"));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VideoWriteException(path, e.Message, e);
        }
        finally
        {
            File.Delete(list);
            File.Delete(temporary);
        }
    }

    /// <summary>The concat demuxer's list: every part, and every part's length but the last's (see the remarks).</summary>
    internal static string ConcatList(IReadOnlyList<VideoPart> parts, Rational timeBase)
    {
        var text = new StringBuilder("ffconcat version 1.0\n");
        for (int i = 0; i < parts.Count; i++)
        {
            text.Append(FileLine(parts[i].Path)).Append('\n');
            if (i + 1 < parts.Count)
            {
                long length = Microseconds(parts[i + 1].FirstPts, timeBase) - Microseconds(parts[i].FirstPts, timeBase);
                text.Append("duration ").Append(Seconds(length)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A concat list's line naming <paramref name="path"/>, quoted as ffmpeg's tokens are (inside single quotes, a quote is written '\'').</summary>
    internal static string FileLine(string path) => "file '" + Path.GetFullPath(path).Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    private static FFMpegArgumentProcessor Command(
        string list, long firstMicroseconds, VideoInfo source, (double Start, double? Duration)? window, string temporary, string path)
    {
        // Custom arguments: FFMpegCore has no builders for the concat demuxer's options or -itsoffset.
        var arguments = FFMpegArguments.FromFileInput(list, verifyExists: false, input => input
            .WithCustomArgument($"-v error -nostdin -f concat -safe 0 -itsoffset {Seconds(firstMicroseconds)}"));
        bool copyStreams = SourceCarryOver.HasStreamsToCopy(source);
        if (copyStreams)
        {
            arguments = SourceCarryOver.AddStreamsInput(arguments, source, window);
        }

        return arguments.OutputToFile(temporary, overwrite: true, output =>
        {
            output.WithMap(0, StreamType.Video).CopyStreams(StreamType.Video);
            if (copyStreams)
            {
                SourceCarryOver.CopyStreams(output, 1);
            }

            SourceCarryOver.AddTags(output, source, path);
            if (source.Rotation != 0)
            {
                SourceCarryOver.AddRotation(output, source);
            }
        });
    }

    private static long Microseconds(long pts, Rational timeBase) =>
        (long)Math.Round((decimal)pts * timeBase.Numerator * 1_000_000m / timeBase.Denominator, MidpointRounding.AwayFromZero);

    private static string Seconds(long microseconds) =>
        (microseconds / 1_000_000m).ToString("0.000000", CultureInfo.InvariantCulture);
}

using System.Globalization;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Segments;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Commands;

/// <summary>Upscales one picture or one video with the settings of an <c>upscale</c> command line.</summary>
internal sealed record UpscaleJob
{
    public PixelRegion? Region { get; init; }

    public CompareMode Compare { get; init; }

    public TimeSpan? Start { get; init; }

    public TimeSpan? Duration { get; init; }

    public bool Overwrite { get; init; }

    public required VideoWriterOptions Writer { get; init; }

    /// <summary>The strength of the temporal denoiser run on a video's LR frames before the model (<c>--temporal-denoise</c>); null = none.</summary>
    public double? TemporalDenoise { get; init; }

    /// <param name="input">A picture or a video.</param>
    /// <param name="output">Where the result goes.</param>
    /// <param name="upscaler">The model.</param>
    /// <param name="cancellation">Ctrl-C.</param>
    /// <param name="probed">The video's description when the caller already probed it (to choose the model).</param>
    public void Run(string input, string output, IUpscaler upscaler, CancellationToken cancellation, VideoInfo? probed = null)
    {
        if (ImageFile.IsImagePath(input))
        {
            RunPicture(input, output, upscaler);
        }
        else
        {
            RunVideo(probed ?? VideoProbe.Probe(input), output, upscaler, cancellation);
        }
    }

    private void RunPicture(string input, string output, IUpscaler upscaler)
    {
        var image = ImageFile.Load(input).ToRange(PixelRange.Byte);
        if (Region is { } r)
        {
            r.EnsureInside(image.Width, image.Height);
            image = image.Crop(r.X, r.Y, r.Width, r.Height);
        }

        var lr = new VideoFrame(image.Width, image.Height);
        PixelConversion.ByteScaleToUnit(image.Planes, lr.Pixels);

        var sr = new VideoFrame(image.Width * upscaler.Scale, image.Height * upscaler.Scale);
        upscaler.Upscale(lr, sr);
        var picture = Compare == CompareMode.None ? sr : new CompareComposer(Compare, lr.Width, lr.Height, upscaler.Scale).Compose(new UpscaledFrame(lr, sr));
        var result = new Image(picture.Width, picture.Height, PixelRange.Unit, picture.Pixels).ToRange(PixelRange.Byte);
        ImageFile.Save(result, output);
        Console.Error.WriteLine($"wrote {output} ({result.Width}x{result.Height})");
    }

    private void RunVideo(VideoInfo info, string output, IUpscaler upscaler, CancellationToken cancellation)
    {
        using var reader = new VideoReader(info, new VideoReaderOptions { Start = Start, Duration = Duration, Region = Region });
        (double, double?)? window = Start is null && Duration is null
            ? null
            : ((Start ?? TimeSpan.Zero).TotalSeconds, Duration?.TotalSeconds);
        var progress = new ProgressBar(Path.GetFileName(info.Path), reader.FrameCount, Console.Error);
        var (recorder, width, height) = Encode(reader, info, window, output, upscaler, progress.Report, cancellation);
        var stages = recorder.Stages();
        double srFps = stages.FirstOrDefault(s => s.Name == "infer")?.Fps ?? 0;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {output}: {recorder.Records.Count} frames {width}x{height}, {recorder.EndToEndFps:F1} fps end to end, SR alone {srFps:F1} fps ({(srFps > 0 ? recorder.EndToEndFps / srFps : 0):F2}x)"));
    }

    /// <summary>
    /// Upscales the frames of <paramref name="segment"/> into <paramref name="output"/> as a segment for
    /// <see cref="VideoJoiner"/>: video only (the join copies audio and subtitles once), unrotated (the join sets the
    /// rotation), each frame stamped with its source PTS.
    /// </summary>
    /// <param name="info">The source.</param>
    /// <param name="timestamps">The PTS of every frame of the source (the manifest's), so the reader need not find them again.</param>
    /// <param name="segment">Which frames.</param>
    /// <param name="output">The segment file.</param>
    /// <param name="upscaler">The model.</param>
    /// <param name="progress">The job's progress bar (counting the frames done before this segment).</param>
    /// <param name="cancellation">Ctrl-C.</param>
    /// <returns>Frames written.</returns>
    public int RunSegment(
        VideoInfo info, IReadOnlyList<long> timestamps, SegmentRange segment, string output, IUpscaler upscaler, ProgressBar progress, CancellationToken cancellation)
    {
        // The reader's start is time after the first frame; exact back to the PTS for any time base finer than 100 ns ticks.
        var timeBase = info.TimestampTimeBase;
        var start = TimeSpan.FromTicks((long)Math.Round(
            (decimal)(timestamps[segment.FirstFrame] - timestamps[0]) * timeBase.Numerator * TimeSpan.TicksPerSecond / timeBase.Denominator,
            MidpointRounding.AwayFromZero));
        using var reader = new VideoReader(info, new VideoReaderOptions
        {
            Start = start,
            MaxFrames = segment.Frames,
            KnownTimestamps = timestamps,
            Region = Region,
        });
        var videoOnly = info with { AudioStreams = [], SubtitleStreams = [], Rotation = 0 };
        var (recorder, _, _) = Encode(reader, videoOnly, null, output, upscaler, progress.Report, cancellation);
        return recorder.Records.Count;
    }

    private (TimelineRecorder Recorder, int Width, int Height) Encode(
        VideoReader reader, VideoInfo source, (double, double?)? window, string output, IUpscaler upscaler, Action<long> progress, CancellationToken cancellation)
    {
        int srWidth = reader.Width * upscaler.Scale, srHeight = reader.Height * upscaler.Scale;
        var composer = Compare == CompareMode.None ? null : new CompareComposer(Compare, reader.Width, reader.Height, upscaler.Scale);
        var (width, height) = CompareComposer.SizeFor(Compare, srWidth, srHeight);
        using var writer = new VideoWriter(output, width, height, source, reader.ReadTimestamps(), window, Writer);
        var recorder = new TimelineRecorder(reader.FrameCount);
        // A segment's filter starts afresh at its first frame, like a seek in the player.
        var denoiser = TemporalDenoise is { } strength ? new TemporalDenoiser(strength) : null;
        using (var front = new FrontStages(reader, upscaler, cancellation, denoiser))
        {
            var encode = new EncodeStage(
                front.Inference.Output, writer, frame => composer is null ? frame.Sr : composer.Compose(frame), recorder, front.Token, progress);
            front.Start();
            encode.Start();
            front.Finish(encode.Completion);
        }

        return (recorder, width, height);
    }

    /// <summary>Every option of this job that changes the output, by its command-line name (a segmented job's work is reused only under the same).</summary>
    public SortedDictionary<string, string> OutputSettings(int scale) => new(StringComparer.Ordinal)
    {
        ["codec"] = Writer.Codec,
        ["crf"] = Writer.Crf.ToString(CultureInfo.InvariantCulture),
        ["preset"] = Writer.Preset,
        ["pix-fmt"] = Writer.PixelFormat,
        ["roi"] = Region?.ToString() ?? "(none)",
        ["compare"] = Compare.ToString().ToLowerInvariant(),
        ["scale"] = scale.ToString(CultureInfo.InvariantCulture),
        ["temporal-denoise"] = TemporalDenoise?.ToString(CultureInfo.InvariantCulture) ?? "off",
    };
}

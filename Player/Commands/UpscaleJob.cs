using System.Globalization;
using RealtimeSR.Player.Pipeline;
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
        int srWidth = reader.Width * upscaler.Scale, srHeight = reader.Height * upscaler.Scale;
        var composer = Compare == CompareMode.None ? null : new CompareComposer(Compare, reader.Width, reader.Height, upscaler.Scale);
        var (width, height) = CompareComposer.SizeFor(Compare, srWidth, srHeight);
        (double, double?)? window = Start is null && Duration is null
            ? null
            : ((Start ?? TimeSpan.Zero).TotalSeconds, Duration?.TotalSeconds);
        using var writer = new VideoWriter(output, width, height, info, reader.ReadTimestamps(), window, Writer);
        var recorder = new TimelineRecorder(reader.FrameCount);
        var progress = new ProgressBar(Path.GetFileName(info.Path), reader.FrameCount, Console.Error);
        using (var front = new FrontStages(reader, upscaler, cancellation))
        {
            var encode = new EncodeStage(
                front.Inference.Output, writer, frame => composer is null ? frame.Sr : composer.Compose(frame), recorder, front.Token, progress.Report);
            front.Start();
            encode.Start();
            front.Finish(encode.Completion);
        }

        var stages = recorder.Stages();
        double srFps = stages.FirstOrDefault(s => s.Name == "infer")?.Fps ?? 0;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {output}: {recorder.Records.Count} frames {width}x{height}, {recorder.EndToEndFps:F1} fps end to end, SR alone {srFps:F1} fps ({(srFps > 0 ? recorder.EndToEndFps / srFps : 0):F2}x)"));
    }
}

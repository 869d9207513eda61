using System.Globalization;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>
/// One clip prepared for the real-footage benchmark: its HR frames (mod-scale cropped) and, per condition, the LR
/// frames a model gets: the MATLAB-bicubic downscale itself ("clean") and that LR after libx264 at each CRF
/// (one thread, preset medium, yuv420p: the same stream on every machine), decoded again by the player's reader.
/// All frames are [0, 255] RGB.
/// </summary>
internal sealed class CompressedClip
{
    private CompressedClip(string name, IReadOnlyList<Image> hr, IReadOnlyList<(string Condition, IReadOnlyList<Image> Lr)> conditions)
    {
        Name = name;
        Hr = hr;
        Conditions = conditions;
    }

    /// <summary>The clip's file or folder name.</summary>
    public string Name { get; }

    public IReadOnlyList<Image> Hr { get; }

    /// <summary>"clean", "crf23", … (or "given" for LR made elsewhere) and its LR frames, one per HR frame.</summary>
    public IReadOnlyList<(string Condition, IReadOnlyList<Image> Lr)> Conditions { get; }

    /// <summary>The first <paramref name="frames"/> frames of <paramref name="path"/>, shrunk by <paramref name="scale"/> and encoded at each CRF.</summary>
    /// <exception cref="VideoFileException">The clip cannot be read, or its LR would be smaller than 2×2.</exception>
    public static CompressedClip FromVideo(string path, int scale, int frames, IReadOnlyList<int> crfs)
    {
        var hr = new List<Image>();
        var timestamps = new List<long>();
        VideoInfo info;
        using (var reader = new VideoReader(path, new VideoReaderOptions { MaxFrames = frames }))
        {
            info = reader.Info;
            var frame = new VideoFrame(reader.Width, reader.Height);
            while (reader.Read(frame))
            {
                hr.Add(ToByteImage(frame).CropToMultipleOf(scale));
                timestamps.Add(frame.Pts);
            }
        }

        if (hr[0].Width / scale < 2 || hr[0].Height / scale < 2)
        {
            throw new VideoFileException(path, $"{info.Width}x{info.Height} is too small to shrink by {scale}");
        }

        Image[] clean = hr.Select(f => MatlabResize.Downscale(f, scale)).ToArray();
        var conditions = new List<(string, IReadOnlyList<Image>)> { ("clean", clean) };
        string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"rtsr-eval-{Guid.NewGuid():N}")).FullName;
        try
        {
            // The LR stream is described as a file of its own size: an untagged stream's colour matrix follows its
            // height, and the reader will decide from the LR's height too.
            VideoInfo lrSource = info with
            {
                Width = clean[0].Width,
                Height = clean[0].Height,
                Rotation = 0,
                AudioStreams = [],
                SubtitleStreams = [],
            };
            foreach (int crf in crfs)
            {
                string file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"crf{crf}.mp4"));
                Encode(clean, lrSource, timestamps, file, crf);
                Image[] decoded = Decode(file, clean[0].Width, clean[0].Height);
                if (decoded.Length != clean.Length)
                {
                    throw new VideoFileException(file, $"decoded {decoded.Length} of the {clean.Length} frames encoded at CRF {crf}");
                }

                conditions.Add((string.Create(CultureInfo.InvariantCulture, $"crf{crf}"), decoded));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return new CompressedClip(Path.GetFileName(path), hr, conditions);
    }

    /// <summary>LR frames made elsewhere and their HR frames: two folders of pictures paired in file-name order.</summary>
    public static CompressedClip FromFolders(string lrFolder, string hrFolder, int scale)
    {
        IReadOnlyList<string> lrFiles = BenchmarkSet.FromFolder(lrFolder).Files, hrFiles = BenchmarkSet.FromFolder(hrFolder).Files;
        if (lrFiles.Count != hrFiles.Count)
        {
            throw new UsageException($"--lr {lrFolder} has {lrFiles.Count} pictures and --hr {hrFolder} {hrFiles.Count}; they pair in file-name order");
        }

        var hr = new List<Image>();
        var lr = new List<Image>();
        for (int i = 0; i < lrFiles.Count; i++)
        {
            Image low = ImageFile.Load(lrFiles[i]), high = ImageFile.Load(hrFiles[i]);
            if (high.Width < low.Width * scale || high.Height < low.Height * scale)
            {
                throw new ImageFileException(hrFiles[i], $"{high.Width}x{high.Height} is smaller than {scale} × its LR {low.Width}x{low.Height}");
            }

            lr.Add(low);
            hr.Add(high.Crop(0, 0, low.Width * scale, low.Height * scale));
        }

        return new CompressedClip(new DirectoryInfo(lrFolder).Name, hr, [("given", lr)]);
    }

    /// <summary>
    /// This clip with each condition also given through <paramref name="denoiser"/> (the player's
    /// <c>--temporal-denoise</c>), frame by frame in order, as "CONDITION+td": the conditions as they were, each
    /// followed by its filtered LR.
    /// </summary>
    public CompressedClip WithTemporalDenoise(Func<TemporalDenoiser> denoiser)
    {
        var conditions = new List<(string, IReadOnlyList<Image>)>();
        foreach (var (condition, lr) in Conditions)
        {
            TemporalDenoiser filter = denoiser();
            var filtered = new Image[lr.Count];
            for (int t = 0; t < lr.Count; t++)
            {
                Image unit = lr[t].ToRange(PixelRange.Unit);
                var copy = new Image(unit.Width, unit.Height, PixelRange.Unit, (float[])unit.Planes.Clone(), unit.IsSingleChannelSource);
                filter.Apply(copy.Planes, copy.Width, copy.Height, t);
                filtered[t] = copy;
            }

            conditions.Add((condition, lr));
            conditions.Add((condition + "+td", filtered));
        }

        return new CompressedClip(Name, Hr, conditions);
    }

    private static void Encode(IReadOnlyList<Image> frames, VideoInfo source, IReadOnlyList<long> timestamps, string file, int crf)
    {
        using var writer = new VideoWriter(file, frames[0].Width, frames[0].Height, source, timestamps,
            options: new VideoWriterOptions { Crf = crf, Threads = 1 });
        var frame = new VideoFrame(frames[0].Width, frames[0].Height);
        foreach (Image image in frames)
        {
            image.ToRange(PixelRange.Unit).Planes.CopyTo(frame.Pixels, 0);
            writer.Write(frame);
        }

        writer.Complete();
    }

    private static Image[] Decode(string file, int width, int height)
    {
        var frames = new List<Image>();
        using var reader = new VideoReader(file);
        var frame = new VideoFrame(reader.Width, reader.Height);
        while (reader.Read(frame))
        {
            // An odd LR side was padded by one for 4:2:0; the padding is not part of the picture.
            frames.Add(ToByteImage(frame).Crop(0, 0, width, height));
        }

        return frames.ToArray();
    }

    /// <summary>A decoded frame (8-bit values stored as [0, 1]) as the integral [0, 255] picture it was.</summary>
    private static Image ToByteImage(VideoFrame frame) =>
        new Image(frame.Width, frame.Height, PixelRange.Unit, (float[])frame.Pixels.Clone()).Quantised();
}

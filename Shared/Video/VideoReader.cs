using System.Globalization;
using RealtimeSR.Shared.Diagnostics;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Decodes a video's first video stream with an ffmpeg child process into <see cref="VideoFrame"/>s: ffmpeg turns
/// Y'CbCr into RGB24 with the stream's own matrix and range (defaults per <see cref="ColourTags"/>), this class
/// turns the bytes into planar float [0,1]. Frames carry the stream's real timestamps (taken from the packets
/// beforehand, since a raw pipe carries none), so VFR stays VFR. Not thread-safe: one reading thread.
/// </summary>
/// <remarks>
/// Display rotation is not applied (<c>-noautorotate</c>): the writer copies the rotation tag instead, so pixels
/// and the tag stay consistent. The reader checks that it decoded exactly the frames the packets announced, so a
/// truncated or corrupt file fails instead of passing for a shorter video.
/// </remarks>
public sealed class VideoReader : IDisposable
{
    private static readonly float[] ByteToUnit = Enumerable.Range(0, 256).Select(i => i / 255f).ToArray();
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly FfmpegProcess _ffmpeg;
    private readonly Stream _output;
    private readonly byte[] _bytes;
    private long _decoded;
    private bool _finished;

    /// <summary>Probes <paramref name="path"/> and starts decoding it.</summary>
    /// <exception cref="VideoFileException">Missing, unreadable or video-less file.</exception>
    /// <exception cref="RegionException">The crop region does not fit in the frame.</exception>
    public VideoReader(string path, VideoReaderOptions? options = null)
        : this(VideoProbe.Probe(path), options)
    {
    }

    /// <summary>Starts decoding the file <paramref name="info"/> describes.</summary>
    public VideoReader(VideoInfo info, VideoReaderOptions? options = null)
    {
        Info = info;
        Options = options ?? new VideoReaderOptions();
        Options.Region?.EnsureInside(info.Width, info.Height);
        Width = Options.Region?.Width ?? info.Width;
        Height = Options.Region?.Height ?? info.Height;
        TimeBase = info.TimeBase.IsKnown ? info.TimeBase : new Rational(1, 1000);

        long[] all = VideoProbe.ReadFrameTimestamps(info);
        var (startPts, endPts) = PtsWindow(all, Options, TimeBase);
        Timestamps = all.Where(t => t >= startPts && (endPts is null || t < endPts)).Take(Options.MaxFrames ?? int.MaxValue).ToArray();
        StartPts = startPts;
        EndPts = endPts;
        if (Timestamps.Count == 0)
        {
            throw new VideoFileException(info.Path, all.Length == 0 ? "has no video frames" : "has no frames in the requested time range");
        }

        _bytes = new byte[checked(3 * Width * Height)];
        _ffmpeg = FfmpegProcess.Start("ffmpeg", Arguments(info, Options, startPts, endPts), writeInput: false);
        _output = _ffmpeg.StandardOutput;
    }

    public VideoInfo Info { get; }

    public VideoReaderOptions Options { get; }

    /// <summary>Width of the frames handed out (the region's when cropping).</summary>
    public int Width { get; }

    /// <summary>Height of the frames handed out (the region's when cropping).</summary>
    public int Height { get; }

    /// <summary>Seconds per PTS unit.</summary>
    public Rational TimeBase { get; }

    /// <summary>PTS of the first frame wanted (inclusive), in <see cref="TimeBase"/> units.</summary>
    public long StartPts { get; }

    /// <summary>PTS where decoding stops (exclusive), null = the end of the stream.</summary>
    public long? EndPts { get; }

    /// <summary>The PTS of every frame this reader will hand out, in display order (<see cref="TimeBase"/> units).</summary>
    public IReadOnlyList<long> Timestamps { get; }

    /// <summary>Frames this reader will hand out.</summary>
    public int FrameCount => Timestamps.Count;

    /// <summary>Frames handed out so far.</summary>
    public long Decoded => _decoded;

    /// <summary>
    /// Decodes the next frame into <paramref name="frame"/> (which must be <see cref="Width"/> × <see cref="Height"/>)
    /// and stamps its index, PTS and the decode/convert marks. Returns false after the last frame.
    /// </summary>
    /// <exception cref="VideoFileException">ffmpeg failed, the stream ended inside a frame, or fewer/more frames came than announced.</exception>
    public bool Read(VideoFrame frame)
    {
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"frame is {frame.Width}x{frame.Height}, the reader produces {Width}x{Height}", nameof(frame));
        }

        if (_finished)
        {
            return false;
        }

        if (Options.MaxFrames is { } most && _decoded >= most)
        {
            // The rest of the file is not wanted; disposing stops ffmpeg.
            _finished = true;
            return false;
        }

        frame.Timeline.Mark(TimelineMark.DecodeStart);
        int read = _output.ReadAtLeast(_bytes, _bytes.Length, throwOnEndOfStream: false);
        if (read < _bytes.Length)
        {
            Finish(read);
            return false;
        }

        frame.Timeline.Mark(TimelineMark.DecodeEnd);
        ToPlanarUnit(_bytes, frame);
        frame.Timeline.Mark(TimelineMark.ConvertEnd);
        frame.Index = _decoded;
        frame.TimeBase = TimeBase;
        frame.Pts = _decoded < Timestamps.Count
            ? Timestamps[(int)_decoded]
            : Timestamps[^1] + (long)Math.Round((_decoded - Timestamps.Count + 1) / Math.Max(Info.FramesPerSecond, 1) / TimeBase.ToDouble());
        _decoded++;
        return true;
    }

    public void Dispose() => _ffmpeg.Dispose();

    /// <summary>Converts interleaved RGB24 to planar float [0,1] (CHW) by table lookup.</summary>
    internal static void ToPlanarUnit(ReadOnlySpan<byte> rgb, VideoFrame frame)
    {
        int n = frame.PlaneLength;
        Span<float> r = frame.Plane(0), g = frame.Plane(1), b = frame.Plane(2);
        float[] table = ByteToUnit;
        for (int i = 0, j = 0; i < n; i++, j += 3)
        {
            r[i] = table[rgb[j]];
            g[i] = table[rgb[j + 1]];
            b[i] = table[rgb[j + 2]];
        }
    }

    private void Finish(int partialBytes)
    {
        _finished = true;
        int exit = _ffmpeg.WaitForExit(ExitTimeout);
        string path = Info.Path;
        if (exit != 0)
        {
            throw new VideoFileException(path, $"decoding failed after {_decoded} of {FrameCount} frames ({_ffmpeg.Reason($"ffmpeg exit code {exit}")})");
        }

        if (partialBytes > 0)
        {
            throw new VideoFileException(path, $"truncated: the stream ended inside frame {_decoded} ({partialBytes} of {_bytes.Length} bytes)");
        }

        if (_decoded < FrameCount)
        {
            throw new VideoFileException(path, $"truncated or corrupt: decoded {_decoded} of the {FrameCount} frames its packets announce");
        }
    }

    private static (long Start, long? End) PtsWindow(long[] all, VideoReaderOptions options, Rational timeBase)
    {
        long first = all.Length > 0 ? all[0] : 0;
        double unitsPerSecond = 1 / timeBase.ToDouble();
        long start = first + (long)Math.Round((options.Start ?? TimeSpan.Zero).TotalSeconds * unitsPerSecond);
        long? end = options.Duration is { } d ? start + (long)Math.Round(d.TotalSeconds * unitsPerSecond) : null;
        return (start, end);
    }

    private static List<string> Arguments(VideoInfo info, VideoReaderOptions options, long startPts, long? endPts)
    {
        var filters = new List<string>();
        if (options.Start is not null || options.Duration is not null)
        {
            // Trim on the stream's own timestamps, the same rule used to pick Timestamps, so the two agree frame for frame.
            filters.Add(endPts is { } end
                ? string.Create(CultureInfo.InvariantCulture, $"trim=start_pts={startPts}:end_pts={end}")
                : string.Create(CultureInfo.InvariantCulture, $"trim=start_pts={startPts}"));
        }

        string matrix = info.Colour.ConversionMatrix(info.Height);
        filters.Add($"scale=in_color_matrix={matrix}:in_range={info.Colour.ConversionRangeName}:flags=accurate_rnd+full_chroma_int");
        filters.Add("format=rgb24");
        if (options.Region is { } r)
        {
            // After the RGB conversion, so odd offsets crop exactly instead of snapping to the chroma grid.
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"crop={r.Width}:{r.Height}:{r.X}:{r.Y}:exact=1"));
        }

        return
        [
            "-v", "error", "-nostdin", "-xerror", "-noautorotate", "-i", info.Path,
            "-map", string.Create(CultureInfo.InvariantCulture, $"0:{info.StreamIndex}"),
            "-vf", string.Join(',', filters),
            "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ];
    }
}

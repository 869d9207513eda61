using System.Globalization;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Decodes a video's first video stream with an ffmpeg child process into <see cref="VideoFrame"/>s: ffmpeg turns
/// Y'CbCr into RGB24 with the stream's own matrix and range (defaults per <see cref="ColourTags"/>), this class
/// turns the bytes into planar float [0,1]. Every frame carries the timestamp the decoder gave it (ffmpeg writes
/// one <c>framecrc</c> line per frame to stderr beside the raw frames on stdout, read in step), so VFR stays VFR and
/// files whose packets are not one frame each (AVI with packed B-frames, "not coded" frames, dropped packets,
/// streams without pts) come out with the right frames at the right times. Not thread-safe: one reading thread.
/// </summary>
/// <remarks>
/// Display rotation is not applied (<c>-noautorotate</c>): the writer copies the rotation tag instead, so pixels
/// and the tag stay consistent. Damage is what ffmpeg itself reports: the packet scan at construction refuses a file
/// ffprobe complains about, and during decoding a non-zero exit (<c>-xerror</c>), any line at <c>-v error</c> or a
/// stream that ends inside a frame fails the read instead of passing for a shorter video.
/// </remarks>
public sealed class VideoReader : IFrameReader, IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A start later than this is reached by an input seek to this much before it rather than by decoding from the
    /// first frame (which made seeking an hour into a recording decode the hour). The margin keeps the frames of the
    /// window clear of where the seek lands; <see cref="Read"/> checks that it did and decodes from the start if not.
    /// </summary>
    internal static readonly TimeSpan SeekMargin = TimeSpan.FromSeconds(3);

    private FfmpegProcess _ffmpeg;
    private FrameTimestampQueue _decodedTimestamps;
    private Stream _output;
    private double? _seekSeconds;
    private bool _seekChecked;
    private readonly byte[] _bytes;
    private readonly long _startOffset;
    private readonly long? _windowLength;
    private readonly int _estimatedFrameCount;
    private readonly List<long> _handedOut;
    private long[]? _allTimestamps;
    private long _decoded;
    private bool _finished;

    /// <summary>Probes <paramref name="path"/> and starts decoding it.</summary>
    /// <exception cref="VideoFileException">Missing, unreadable, damaged or video-less file.</exception>
    /// <exception cref="RegionException">The crop region does not fit in the frame.</exception>
    public VideoReader(string path, VideoReaderOptions? options = null)
        : this(VideoProbe.Probe(path), options)
    {
    }

    /// <summary>Starts decoding the file <paramref name="info"/> describes.</summary>
    /// <exception cref="VideoFileException">Unreadable, damaged or frame-less video stream.</exception>
    /// <exception cref="RegionException">The crop region does not fit in the frame.</exception>
    public VideoReader(VideoInfo info, VideoReaderOptions? options = null)
    {
        Info = info;
        Options = options ?? new VideoReaderOptions();
        Options.Region?.EnsureInside(info.Width, info.Height);
        Width = Options.Region?.Width ?? info.Width;
        Height = Options.Region?.Height ?? info.Height;
        TimeBase = info.TimestampTimeBase;
        double unitsPerSecond = 1 / TimeBase.ToDouble();
        _startOffset = (long)Math.Round((Options.Start ?? TimeSpan.Zero).TotalSeconds * unitsPerSecond);
        _windowLength = Options.Duration is { } d ? (long)Math.Round(d.TotalSeconds * unitsPerSecond) : null;

        // The packet scan is fast and catches files ffprobe already finds damaged; its count is only an estimate.
        long[] packets = Options.KnownTimestamps is { } known ? [.. known] : VideoProbe.ReadFrameTimestamps(info);
        if (packets.Length == 0)
        {
            throw new VideoFileException(info.Path, "has no video frames");
        }

        if (Options.Start is { } start && start > SeekMargin && SeeksToKeyframes(info)
            && (Options.KnownTimestamps is { Count: > 0 } all ? [all[0]] : VideoProbe.ReadDecodedTimestamps(info, TimeBase, maxFrames: 1)) is [long origin])
        {
            FirstPts = origin;
            _seekSeconds = origin * TimeBase.ToDouble() + (start - SeekMargin).TotalSeconds;
        }

        _estimatedFrameCount = Math.Max(1, Window(packets).Count);
        _handedOut = new List<long>(_estimatedFrameCount);
        _bytes = new byte[checked(3 * Width * Height)];
        (_ffmpeg, _decodedTimestamps, _output) = StartDecoder();
    }

    public VideoInfo Info { get; }

    public VideoReaderOptions Options { get; }

    /// <summary>Width of the frames handed out (the region's when cropping).</summary>
    public int Width { get; }

    /// <summary>Height of the frames handed out (the region's when cropping).</summary>
    public int Height { get; }

    /// <summary>Seconds per PTS unit.</summary>
    public Rational TimeBase { get; }

    /// <summary>
    /// The PTS of every frame this reader hands out, in order (<see cref="TimeBase"/> units). After the last frame it
    /// is the list handed out. Asked for earlier, it decodes the stream once more without converting it
    /// (<see cref="VideoProbe.ReadDecodedTimestamps"/>, a fraction of the cost of reading; once per reader, and not at
    /// all given <see cref="VideoReaderOptions.KnownTimestamps"/>) to know them all up front, as an encoder that must
    /// be told every timestamp before the first frame needs; the frames then read are checked against it one by one.
    /// </summary>
    /// <exception cref="VideoFileException">The up-front decode failed or found no frame in the window.</exception>
    public IReadOnlyList<long> ReadTimestamps() => _finished ? _handedOut : AllTimestamps();

    /// <summary>
    /// Frames this reader hands out: exact once known (after the last frame, or once <see cref="ReadTimestamps"/> was
    /// asked for), before that an estimate from the packet scan (right for most files; off by a few where packets
    /// and frames differ) — good for sizing buffers and progress bars.
    /// </summary>
    public int FrameCount => _finished ? _handedOut.Count : _allTimestamps?.Length ?? _estimatedFrameCount;

    /// <summary>Frames handed out so far.</summary>
    public long Decoded => _decoded;

    /// <summary>
    /// Decodes the next frame into <paramref name="frame"/> (which must be <see cref="Width"/> × <see cref="Height"/>)
    /// and stamps its index, PTS and the decode/convert marks. Returns false after the last frame.
    /// </summary>
    /// <exception cref="VideoFileException">ffmpeg failed or reported damage, or the stream ended inside a frame.</exception>
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
            return Stop();
        }

        frame.Timeline.Mark(TimelineMark.DecodeStart);
        long pts;
        while (true)
        {
            int read = _output.ReadAtLeast(_bytes, _bytes.Length, throwOnEndOfStream: false);
            bool seekUnchecked = _seekSeconds is not null && !_seekChecked;
            if (read < _bytes.Length && !(seekUnchecked && read == 0))
            {
                Finish(read);
                return false;
            }

            pts = read == 0 ? long.MaxValue : NextTimestamp();
            if (seekUnchecked)
            {
                _seekChecked = true;
                if (MayHaveSkippedWindowFrames(pts))
                {
                    // The seek gave nothing or landed inside the window (the next keyframe is past the margin, an
                    // inexact index): frames of it may be missing, so decode from the first frame instead.
                    _seekSeconds = null;
                    _ffmpeg.Dispose();
                    (_ffmpeg, _decodedTimestamps, _output) = StartDecoder();
                    continue;
                }
            }

            FirstPts ??= pts;
            if (pts >= FirstPts + _startOffset)
            {
                break;
            }

            // Before the window: the bytes were read only to keep ffmpeg going; nothing to convert.
        }

        if (FirstPts + _startOffset + _windowLength is { } end && pts >= end)
        {
            return Stop();
        }

        frame.Timeline.Mark(TimelineMark.DecodeEnd);
        PixelConversion.Rgb24ToPlanarUnit(_bytes, frame.Plane(0), frame.Plane(1), frame.Plane(2));
        frame.Timeline.Mark(TimelineMark.ConvertEnd);
        if (_allTimestamps is { } all && (_decoded >= all.Length || all[_decoded] != pts))
        {
            throw new VideoFileException(
                Info.Path, string.Create(CultureInfo.InvariantCulture, $"frame {_decoded} decoded with pts {pts}, the first decode gave {(_decoded < all.Length ? all[_decoded].ToString(CultureInfo.InvariantCulture) : "no such frame")}"));
        }

        frame.Index = _decoded;
        frame.TimeBase = TimeBase;
        frame.Pts = pts;
        _handedOut.Add(pts);
        _decoded++;
        return true;
    }

    bool IFrameReader.Read(VideoFrame frame, CancellationToken cancellation) => Read(frame);

    /// <summary>PTS of the stream's first decoded frame (the origin of <see cref="VideoReaderOptions.Start"/>); null before the first read.</summary>
    public long? FirstPts { get; private set; }

    /// <summary>Whether this reader reached its start by an input seek (true) or by decoding from the first frame.</summary>
    public bool Sought => _seekSeconds is not null;

    public void Dispose() => _ffmpeg.Dispose();

    private long NextTimestamp()
    {
        if (_decodedTimestamps.TryTake(ExitTimeout, out long pts, out bool timedOut))
        {
            return pts;
        }

        throw new VideoFileException(
            Info.Path,
            timedOut
                ? $"ffmpeg gave no timestamp for frame {_decoded} within {ExitTimeout.TotalSeconds:F0} s"
                : $"ffmpeg gave no timestamp for frame {_decoded} ({_ffmpeg.Reason("its timestamp output ended early")})");
    }

    /// <summary>Ends reading before the stream does (window or frame limit reached).</summary>
    private bool Stop()
    {
        _finished = true;
        if (_allTimestamps is { } all && all.Length != _handedOut.Count)
        {
            throw new VideoFileException(Info.Path, $"decoded {_handedOut.Count} frames in the window, the first decode found {all.Length}");
        }

        return false;
    }

    private void Finish(int partialBytes)
    {
        _finished = true;
        int exit = _ffmpeg.WaitForExit(ExitTimeout);
        string path = Info.Path;
        if (exit != 0)
        {
            throw new VideoFileException(path, $"decoding failed after {_decoded} frames ({_ffmpeg.Reason($"ffmpeg exit code {exit}")})");
        }

        if (partialBytes > 0)
        {
            throw new VideoFileException(path, $"truncated: the stream ended inside frame {_decoded} ({partialBytes} of {_bytes.Length} bytes)");
        }

        // At -v error ffmpeg speaks only about damage (a broken packet, a missing reference, an early end of file).
        if (_ffmpeg.ErrorText.Length > 0 || _decodedTimestamps.Malformed > 0)
        {
            throw new VideoFileException(path, $"truncated or corrupt after {_decoded} frames ({_ffmpeg.Reason("unreadable frame timestamps")})");
        }

        if (_decodedTimestamps.TryTake(TimeSpan.Zero, out _, out _))
        {
            throw new VideoFileException(path, $"ffmpeg announced more frame timestamps than the {_decoded} frames it wrote");
        }

        if (_handedOut.Count == 0)
        {
            throw new VideoFileException(path, "has no frames in the requested time range");
        }

        Stop();
    }

    private long[] AllTimestamps()
    {
        if (_allTimestamps is null)
        {
            long[] decoded = Options.KnownTimestamps is { } known ? [.. known]
                : _seekSeconds is null ? VideoProbe.ReadDecodedTimestamps(Info, TimeBase) : SoughtTimestamps();
            if (Options.KnownTimestamps is null && _seekSeconds is not null && (decoded.Length == 0 || MayHaveSkippedWindowFrames(decoded[0])))
            {
                decoded = VideoProbe.ReadDecodedTimestamps(Info, TimeBase); // as in Read: the seek may have passed frames
            }

            var all = Window(decoded);
            if (all.Count == 0)
            {
                throw new VideoFileException(Info.Path, "has no frames in the requested time range");
            }

            for (int i = 0; i < _handedOut.Count; i++)
            {
                if (i >= all.Count || all[i] != _handedOut[i])
                {
                    throw new VideoFileException(Info.Path, $"the second decode disagrees with the first at frame {i}");
                }
            }

            _allTimestamps = [.. all];
        }

        return _allTimestamps;
    }

    /// <summary>
    /// The timestamps <see cref="Read"/> hands out of a stream whose frames carry <paramref name="all"/>, in order: from
    /// the first frame's pts + Start, stopping at the first frame at or past the window's end, at most MaxFrames.
    /// </summary>
    private List<long> Window(IReadOnlyList<long> all)
    {
        var picked = new List<long>();
        if (all.Count == 0)
        {
            return picked;
        }

        long start = (FirstPts ?? all[0]) + _startOffset;
        long? end = start + _windowLength;
        foreach (long t in all)
        {
            if (t < start)
            {
                continue;
            }

            if (t >= end || picked.Count >= (Options.MaxFrames ?? int.MaxValue))
            {
                break;
            }

            picked.Add(t);
        }

        return picked;
    }

    /// <summary>
    /// Whether an input seek in this file can be trusted to start decoding at a keyframe: containers with a keyframe
    /// index (MP4/MOV, Matroska/WebM, AVI), and MPEG-TS carrying H.264/HEVC, whose decoders output nothing until a
    /// keyframe or recovery point (a TS seek lands anywhere). Elsewhere a seek could hand out broken frames, so the
    /// reader decodes from the start as before.
    /// </summary>
    internal static bool SeeksToKeyframes(VideoInfo info)
    {
        string[] formats = info.Format.Split(',');
        return formats.Intersect(["mov", "mp4", "matroska", "webm", "avi"]).Any()
               || (formats.Contains("mpegts") && info.Codec is "h264" or "hevc");
    }

    /// <summary>
    /// Whether a sought decode whose first frame has <paramref name="firstSoughtPts"/> may have passed frames of the
    /// window: it started inside it rather than before it.
    /// </summary>
    private bool MayHaveSkippedWindowFrames(long firstSoughtPts) => firstSoughtPts >= FirstPts + _startOffset;

    /// <summary>The decoded timestamps from the seek point; empty where the sought decode fails (the caller then decodes from the start).</summary>
    private long[] SoughtTimestamps()
    {
        try
        {
            return VideoProbe.ReadDecodedTimestamps(Info, TimeBase, _seekSeconds);
        }
        catch (VideoFileException)
        {
            return [];
        }
    }

    private (FfmpegProcess Ffmpeg, FrameTimestampQueue Timestamps, Stream Output) StartDecoder()
    {
        var timestamps = new FrameTimestampQueue(TimeBase) { ClaimLinesBeforeFirstFrame = _seekSeconds is not null };
        var ffmpeg = FfmpegProcess.Start(Arguments(Info, Options, TimeBase, _seekSeconds), sink: timestamps);
        return (ffmpeg, timestamps, ffmpeg.StandardOutput);
    }

    /// <summary>
    /// The filter that turns the stream's Y'CbCr into RGB24 with its own matrix and range (defaults per
    /// <see cref="ColourTags"/>); with a size, also scaled to it (a live stream that changes size mid-way keeps the
    /// first size).
    /// </summary>
    internal static string RgbConversion(VideoInfo info, (int Width, int Height)? size = null)
    {
        string matrix = info.Colour.ConversionMatrix(info.Height);
        string scale = size is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Width}:{s.Height}:") : "";
        return $"scale={scale}in_color_matrix={matrix}:in_range={info.Colour.ConversionRangeName}:flags=accurate_rnd+full_chroma_int,format=rgb24";
    }

    private static List<string> Arguments(VideoInfo info, VideoReaderOptions options, Rational timeBase, double? seekSeconds)
    {
        var filters = new List<string> { RgbConversion(info) };
        if (options.Region is { } r)
        {
            // After the RGB conversion, so odd offsets crop exactly instead of snapping to the chroma grid.
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"crop={r.Width}:{r.Height}:{r.X}:{r.Y}:exact=1"));
        }

        // One decode feeds both outputs: the raw frames (stdout) and, per frame, its timestamp line (stderr).
        string graph = string.Create(CultureInfo.InvariantCulture, $"[0:{info.StreamIndex}]{string.Join(',', filters)},split=2[frames][stamps]");
        var args = new List<string>(VideoProbe.InputOptions(info, seekSeconds))
        {
            "-filter_complex", graph,
            "-map", "[frames]", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
            "-map", "[stamps]",
        };
        args.AddRange(VideoProbe.TimestampOutput(timeBase));
        return args;
    }
}

using System.Diagnostics;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Video.Live;

/// <summary>
/// Decodes a live stream (RTSP, UDP, TCP, HTTP, a V4L2 device: <see cref="LiveSource"/>) with an ffmpeg child
/// process and always hands out the newest frame: a receiving thread reads every frame ffmpeg decodes as soon as it
/// is there (so nothing queues up in the pipe or in ffmpeg) into the newest-frame slot, and <see cref="Read"/> takes
/// that slot, skipping the frames that came in meanwhile when the consumer is slower than the stream. When the
/// connection drops or stalls the thread reopens it, with back-off, until disposed; <see cref="Read"/> then waits.
/// </summary>
/// <remarks>
/// A frame's PTS is its arrival time (µs from the reader's start): a live stream's own timestamps restart with every
/// connection. Its timeline's <see cref="TimelineMark.DecodeStart"/> is the arrival instant, so a frame's latency
/// in the timings is the time from its arrival to the end of its last stage. Three byte buffers rotate between the
/// threads (being received, newest, being converted): no copy and no allocation per frame.
/// </remarks>
public sealed class LiveVideoReader : IFrameReader, IDisposable
{
    /// <summary>Units of the frames' PTS: microseconds.</summary>
    public static readonly Rational TimeBase = new(1, 1_000_000);

    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HlsStallLimit = TimeSpan.FromSeconds(20);

    private readonly object _gate = new();
    private readonly Action<string> _log;
    private readonly Thread _receiver;
    private readonly Timer _watchdog;
    private readonly long _origin = Stopwatch.GetTimestamp();
    private byte[] _receiving;
    private byte[] _newest;
    private byte[] _converting;
    private long _received;
    private long _newestArrival;
    private long _taken;
    private long _handedOut;
    private long _skipped;
    private long _lastProgress;
    private FfmpegProcess? _ffmpeg;
    private bool _stalled;
    private bool _delivering;
    private volatile bool _stopping;
    private volatile LiveStatus _status = LiveStatus.Connecting;
    private Exception? _failure;
    private int _reconnects;

    /// <summary>Connects to <paramref name="url"/> (the first connection must deliver a picture in time) and starts receiving.</summary>
    /// <param name="url">The stream.</param>
    /// <param name="options">Transport and timeouts; null = defaults.</param>
    /// <param name="log">Gets a line when the connection drops and when it is back; null = stderr.</param>
    /// <exception cref="VideoFileException">Nothing answers, no picture within the connect timeout, or no video stream.</exception>
    public LiveVideoReader(string url, LiveSourceOptions? options = null, Action<string>? log = null)
    {
        Url = url;
        Options = options ?? new LiveSourceOptions();
        _log = log ?? Console.Error.WriteLine;
        Info = VideoProbe.ProbeLive(url, Options);
        Width = Info.Width;
        Height = Info.Height;
        int length = checked(3 * Width * Height);
        (_receiving, _newest, _converting) = (new byte[length], new byte[length], new byte[length]);
        _receiver = new Thread(Receive) { IsBackground = true, Name = "live-receive" };
        _receiver.Start();
        _watchdog = new Timer(_ => Watch(), null, WatchInterval, WatchInterval);
    }

    public string Url { get; }

    public LiveSourceOptions Options { get; }

    /// <summary>The stream as the first connection found it; frames keep this size even if the stream changes it.</summary>
    public VideoInfo Info { get; }

    public int Width { get; }

    public int Height { get; }

    public LiveStatus Status => _status;

    /// <summary>
    /// How long a delivering connection may go without a frame: the stall timeout, or for HLS at least 20 s (it
    /// delivers a segment at a time, commonly 2 to 10 s of frames at once).
    /// </summary>
    private TimeSpan StallLimit => Url.Contains(".m3u8", StringComparison.OrdinalIgnoreCase) && Options.StallTimeout < HlsStallLimit ? HlsStallLimit : Options.StallTimeout;

    /// <summary>Frames received from the stream, in all connections.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Received frames never handed out, because a newer one came before the consumer asked.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Times the connection was reopened after a drop and delivered frames again.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>
    /// Hands out the newest frame not handed out yet, waiting for one (also while the stream reconnects). Its index
    /// counts the frames handed out; its PTS is its arrival time. False once the reader is disposed.
    /// </summary>
    /// <exception cref="FfmpegMissingException">ffmpeg is not installed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired during the wait.</exception>
    public bool Read(VideoFrame frame, CancellationToken cancellation)
    {
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"frame is {frame.Width}x{frame.Height}, the reader produces {Width}x{Height}", nameof(frame));
        }

        long arrival;
        lock (_gate)
        {
            while (_received == _taken && !_stopping && _failure is null)
            {
                cancellation.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, 50);
            }

            if (_failure is { } failure)
            {
                throw failure;
            }

            if (_received == _taken)
            {
                return false;
            }

            (_converting, _newest) = (_newest, _converting);
            _skipped += _received - _taken - 1;
            _taken = _received;
            arrival = _newestArrival;
        }

        frame.Timeline.Reset();
        frame.Timeline.Set(TimelineMark.DecodeStart, arrival);
        frame.Timeline.Mark(TimelineMark.DecodeEnd);
        PixelConversion.Rgb24ToPlanarUnit(_converting, frame.Plane(0), frame.Plane(1), frame.Plane(2));
        frame.Timeline.Mark(TimelineMark.ConvertEnd);
        frame.Index = _handedOut++;
        frame.TimeBase = TimeBase;
        // Through double: ticks × 10^6 overflows a long after 2.5 h at Linux's nanosecond ticks.
        frame.Pts = (long)((arrival - _origin) * (1_000_000.0 / Stopwatch.Frequency));
        return true;
    }

    public void Dispose()
    {
        _stopping = true;
        _watchdog.Dispose();
        lock (_gate)
        {
            _ffmpeg?.Kill();
            Monitor.PulseAll(_gate);
        }

        _receiver.Join(StopTimeout);
        _status = LiveStatus.Stopped;
    }

    private void Receive()
    {
        TimeSpan delay = Options.FirstReconnectDelay;
        long lostAt = 0;
        while (!_stopping)
        {
            FfmpegProcess ffmpeg;
            try
            {
                ffmpeg = FfmpegProcess.Start(Arguments());
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure = e;
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _ffmpeg = ffmpeg;
                _stalled = false;
                _delivering = false;
                Volatile.Write(ref _lastProgress, Stopwatch.GetTimestamp());
                if (_stopping)
                {
                    ffmpeg.Kill();
                }
            }

            bool delivered = false;
            Stream output = ffmpeg.StandardOutput;
            while (!_stopping && output.ReadAtLeast(_receiving, _receiving.Length, throwOnEndOfStream: false) == _receiving.Length)
            {
                long now = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    (_receiving, _newest) = (_newest, _receiving);
                    _newestArrival = now;
                    _received++;
                    Monitor.PulseAll(_gate);
                }

                Volatile.Write(ref _lastProgress, now);
                if (!delivered)
                {
                    delivered = true;
                    lock (_gate)
                    {
                        _delivering = true;
                    }

                    if (lostAt != 0)
                    {
                        Interlocked.Increment(ref _reconnects);
                        _log($"{Url}: reconnected after {Stopwatch.GetElapsedTime(lostAt).TotalSeconds:F1} s");
                    }

                    lostAt = 0;
                    delay = Options.FirstReconnectDelay;
                    _status = LiveStatus.Receiving;
                }
            }

            ffmpeg.Kill();
            try
            {
                ffmpeg.WaitForExit(StopTimeout); // also lets its stderr be read to the end, for the reason
            }
            catch (TimeoutException)
            {
                // Killed; the reason may lack ffmpeg's last words.
            }

            string reason;
            lock (_gate)
            {
                _ffmpeg = null;
                reason = _stalled ? $"no frame for {(_delivering ? StallLimit : Options.ConnectTimeout).TotalSeconds:0.#} s" : ffmpeg.Reason("the stream ended");
            }

            ffmpeg.Dispose();
            if (_stopping)
            {
                break;
            }

            if (lostAt == 0)
            {
                lostAt = Stopwatch.GetTimestamp();
                _log($"{Url}: connection lost ({reason}); reconnecting");
            }

            _status = LiveStatus.Reconnecting;
            lock (_gate)
            {
                if (!_stopping)
                {
                    Monitor.Wait(_gate, delay);
                }
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Options.MaxReconnectDelay.Ticks));
        }
    }

    /// <summary>
    /// Ends a connection that has delivered nothing for the stall timeout, or no first frame within the connect
    /// timeout (ffmpeg may wait on a dead socket).
    /// </summary>
    private void Watch()
    {
        lock (_gate)
        {
            TimeSpan limit = _delivering ? StallLimit : Options.ConnectTimeout;
            if (_ffmpeg is { } ffmpeg && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastProgress)) > limit)
            {
                _stalled = true;
                ffmpeg.Kill();
            }
        }
    }

    private List<string> Arguments()
    {
        var args = new List<string> { "-v", "error", "-nostdin" };
        args.AddRange(LiveSource.InputArguments(Url, Options));
        args.AddRange([
            "-map", $"0:{Info.StreamIndex}", "-vf", VideoReader.RgbConversion(Info, (Width, Height)),
            "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ]);
        return args;
    }
}

using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;
using RealtimeSR.Shared.Video.Live;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The live player's producing side: decode and inference stages (each on its own thread, bounded channels of
/// <see cref="StageChannel.Capacity"/>, pooled frames) and, when there is an audio device, the audio stage, all
/// started at one frame of the video and restarted from another for a seek. Frames older than the
/// <see cref="Clock"/> allows are dropped before inference (unless <c>noDrop</c>). Owned and driven by the render
/// thread; the stages' meters and drop count cover the whole playback across restarts.
/// A live source (<see cref="LiveVideoReader"/>) is started once and never sought; its frames are shown as they come,
/// and inference always takes the newest one waiting (older ones are dropped), so no queue grows when SR is slower
/// than the stream.
/// </summary>
public sealed class PlaybackPipeline : IDisposable
{
    /// <summary>Frames per pool: a full channel plus one held by each side, plus the render loop's pending frame.</summary>
    private const int PoolCapacity = StageChannel.Capacity + 3;

    private const int LiveExpectedFrames = 45_000;

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    private readonly ModelSelection _models;
    private readonly SdlAudioOutput? _audioOutput;
    private readonly bool _noDrop;
    private readonly FramePool _lrPool;
    private readonly FramePool _srPool;
    private readonly long[] _timestamps;
    private readonly double _secondsPerUnit;
    private readonly double _frameSeconds;
    private readonly Func<VideoFrame, bool> _dropPolicy;
    private readonly LiveVideoReader? _live;
    private long _liveSinceTicks;
    private CancellationTokenSource? _stop;
    private VideoReader? _reader;
    private DecodeStage? _decode;
    private InferenceStage? _inference;
    private AudioStage? _audio;
    private readonly VideoInfo? _referenceInfo;
    private readonly long[] _referenceTimestamps = [];
    private readonly FramePool? _referencePool;
    private VideoReader? _referenceReader;
    private ReferenceStage? _referenceStage;
    private long _droppedBefore;

    /// <param name="info">The probed video.</param>
    /// <param name="models">The models (or bicubic) to switch between, each warmed up here; not owned.</param>
    /// <param name="audioOutput">An F32 device at the first audio stream's rate and channels; null = no sound
    /// (monotonic clock). Not owned.</param>
    /// <param name="noDrop">Never drop: every frame is shown, as fast as SR allows.</param>
    /// <param name="reference">The original high-resolution video the file was made from (<c>--reference</c>): every
    /// SR frame and its bicubic upscale are scored against its frame of the same index; null = none.</param>
    /// <exception cref="VideoFileException">The file cannot be decoded or has no frames, or the reference cannot match it.</exception>
    public PlaybackPipeline(VideoInfo info, ModelSelection models, SdlAudioOutput? audioOutput, bool noDrop, VideoInfo? reference = null)
    {
        Info = info;
        _models = models;
        _audioOutput = audioOutput;
        _noDrop = noDrop;

        // The first reader also lists every frame's timestamp, which seeks and steps are resolved against.
        _reader = new VideoReader(info);
        _timestamps = [.. _reader.ReadTimestamps()];
        _secondsPerUnit = _reader.TimeBase.ToDouble();
        _frameSeconds = info.FramesPerSecond > 0 ? 1 / info.FramesPerSecond : 1.0 / 30;
        LrWidth = _reader.Width;
        LrHeight = _reader.Height;
        _lrPool = new FramePool(LrWidth, LrHeight, PoolCapacity);
        _srPool = new FramePool(LrWidth * models.Scale, LrHeight * models.Scale, PoolCapacity);
        DecodeMeter = new StageMeter("decode", _timestamps.Length + 64);
        InferenceMeter = new StageMeter("infer", _timestamps.Length + 64);
        _dropPolicy = ShouldDrop;
        if (reference is not null)
        {
            _referenceInfo = reference;
            _referenceTimestamps = ReferenceTimestamps(reference);
            _referencePool = new FramePool(LrWidth * models.Scale, LrHeight * models.Scale, PoolCapacity);
            ReferenceMeter = new StageMeter("reference", _timestamps.Length + 64);
        }

        WarmUp();
    }

    /// <summary>Plays the live stream <paramref name="live"/> (owned: disposed with the pipeline); no sound.</summary>
    /// <param name="live">The connected stream.</param>
    /// <param name="models">As for a file.</param>
    public PlaybackPipeline(LiveVideoReader live, ModelSelection models)
    {
        Info = live.Info;
        _live = live;
        _models = models;
        _timestamps = [];
        _secondsPerUnit = LiveVideoReader.TimeBase.ToDouble();
        _frameSeconds = live.Info.FramesPerSecond > 0 ? 1 / live.Info.FramesPerSecond : 1.0 / 30;
        LrWidth = live.Width;
        LrHeight = live.Height;
        _lrPool = new FramePool(LrWidth, LrHeight, PoolCapacity);
        _srPool = new FramePool(LrWidth * models.Scale, LrHeight * models.Scale, PoolCapacity);
        DecodeMeter = new StageMeter("decode", LiveExpectedFrames, keepRecent: true);
        InferenceMeter = new StageMeter("infer", LiveExpectedFrames, keepRecent: true);
        _dropPolicy = ShouldDropLive;
        WarmUp();
    }

    public VideoInfo Info { get; }

    /// <summary>Filters the LR frames in time before the model (<c>--temporal-denoise</c>); started afresh at every (re)start; null = none.</summary>
    public TemporalDenoiser? Denoiser { get; init; }

    /// <summary>The live stream being played (its connection status and counts); null for a file.</summary>
    public LiveVideoReader? Live => _live;

    /// <summary>
    /// Frames to reserve per-frame records for: the file's, or (live) half an hour at 25 fps, beyond which a live run
    /// keeps the most recent ones (see <see cref="StageMeter"/>'s keepRecent).
    /// </summary>
    public int ExpectedFrames => _live is null ? _timestamps.Length : LiveExpectedFrames;

    public PlaybackClock Clock { get; } = new();

    public StageMeter DecodeMeter { get; }

    public StageMeter InferenceMeter { get; }

    /// <summary>Reading and scoring the reference frames (with a reference only).</summary>
    public StageMeter? ReferenceMeter { get; }

    /// <summary>Whether frames are scored against a reference video.</summary>
    public bool HasReference => _referenceInfo is not null;

    public int LrWidth { get; }

    public int LrHeight { get; }

    public int Scale => _models.Scale;

    /// <summary>Frames the render loop sends back to be upscaled again after a model switch.</summary>
    public ModelRedo Redo { get; } = new();

    /// <summary>The models, and which one runs (the render thread selects).</summary>
    public ModelSelection Models => _models;

    /// <summary>The source's nominal frame interval (1 / its frame rate; 1/30 s when unknown).</summary>
    public double FrameSeconds => _frameSeconds;

    /// <summary>Frames in the whole video.</summary>
    public int FrameCount => _timestamps.Length;

    /// <summary>Whether sound is played (and the clock follows it).</summary>
    public bool HasAudio => _audioOutput is not null;

    /// <summary>The decode stage has run to the end of the file (its rate is then no longer a rate).</summary>
    public bool DecodeFinished => _decode?.Completion.IsCompleted ?? false;

    /// <summary>Whether a frame that arrived at <paramref name="arrivalTicks"/> is older than the last resume of a live source (to be dropped).</summary>
    public bool IsStale(long arrivalTicks) => _live is not null && arrivalTicks < Volatile.Read(ref _liveSinceTicks);

    /// <summary>Live: drops every frame that arrived before now, so playback resumes at the stream's present.</summary>
    public void SkipToLive() => Volatile.Write(ref _liveSinceTicks, System.Diagnostics.Stopwatch.GetTimestamp());

    /// <summary>The inference stage has handled the last decoded frame.</summary>
    public bool InferenceFinished => _inference?.Completion.IsCompleted ?? false;

    /// <summary>Frames dropped before inference since playback started.</summary>
    public long Dropped => _droppedBefore + (_inference?.Dropped ?? 0);

    /// <summary>Counts a frame the render loop discarded (one the previous model made, after a switch) with the drops.</summary>
    public void CountDropped() => _droppedBefore++;

    /// <summary>Upscaled frames of the current run, in order; the reader returns each pair to its pools.</summary>
    public ChannelReader<UpscaledFrame> Output => _referenceStage?.Output ?? _inference?.Output ?? throw new InvalidOperationException("the pipeline is not started");

    /// <summary>Media time of <paramref name="pts"/> (the stream's units): seconds from the first frame.</summary>
    public double SecondsOf(long pts) => (_live is null ? pts - _timestamps[0] : pts) * _secondsPerUnit;

    /// <summary>The frame shown at media time <paramref name="seconds"/>: the last one whose time is not after it.</summary>
    public long IndexAt(double seconds)
    {
        long target = _timestamps[0] + (long)Math.Round(seconds / _secondsPerUnit);
        int found = Array.BinarySearch(_timestamps, target);
        int index = found >= 0 ? found : ~found - 1;
        return Math.Clamp(index, 0, _timestamps.Length - 1);
    }

    /// <summary>
    /// (Re)starts decoding at frame <paramref name="index"/> (clamped), and the audio at its time. The clock is set
    /// there and frozen until the caller shows the first frame and calls <see cref="PlaybackClock.Run"/>.
    /// </summary>
    public void Start(long index)
    {
        if (_live is not null)
        {
            StartLive();
            return;
        }

        StopStages();
        index = Math.Clamp(index, 0, _timestamps.Length - 1);
        double seconds = SecondsOf(_timestamps[index]);
        if (_reader is null || index != 0 || _reader.Decoded != 0)
        {
            _reader?.Dispose();
            _reader = null;
            // The first reader's timestamps come along: no second scan of the whole file per seek.
            _reader = new VideoReader(Info, new VideoReaderOptions { Start = index == 0 ? null : TimeSpan.FromSeconds(seconds), KnownTimestamps = _timestamps });
        }

        int first = Array.BinarySearch(_timestamps, _reader.ReadTimestamps()[0]);
        _stop = new CancellationTokenSource();
        _decode = new DecodeStage(_reader, _lrPool, _stop.Token, DecodeMeter, first >= 0 ? first : index);
        Denoiser?.Reset();
        _inference = new InferenceStage(_decode.Output, _models, _srPool, _stop.Token, _dropPolicy, InferenceMeter, Redo, Denoiser);
        if (_referenceInfo is not null)
        {
            // The reference is read from the same frame index (not the same time: the two files' clocks may differ).
            long referenceFirst = first >= 0 ? first : index;
            double referenceSeconds = (_referenceTimestamps[referenceFirst] - _referenceTimestamps[0]) * _referenceInfo.TimestampTimeBase.ToDouble();
            _referenceReader = new VideoReader(_referenceInfo, new VideoReaderOptions
            {
                Start = referenceFirst == 0 ? null : TimeSpan.FromSeconds(referenceSeconds),
                KnownTimestamps = _referenceTimestamps,
            });
            _referenceStage = new ReferenceStage(_inference.Output, _referenceReader, referenceFirst, _referencePool!, Scale, _stop.Token, ReferenceMeter!);
        }

        RestartAudio(seconds);
        _decode.Start();
        _inference.Start();
        _referenceStage?.Start();
    }

    /// <summary>Starts the stages on the live stream once; later starts (a resume, a model switch while paused) only skip to the present.</summary>
    private void StartLive()
    {
        SkipToLive();
        if (_decode is null)
        {
            _stop = new CancellationTokenSource();
            _decode = new DecodeStage(_live!, _lrPool, _stop.Token, DecodeMeter);
            _inference = new InferenceStage(_decode.Output, _models, _srPool, _stop.Token, _dropPolicy, InferenceMeter, denoiser: Denoiser);
            _decode.Start();
            _inference.Start();
        }

        Clock.Reset(0, null);
    }

    /// <summary>Restarts the sound at <paramref name="seconds"/> (after frame steps) and resets the clock there, frozen.</summary>
    public void RestartAudio(double seconds)
    {
        StopAudio();
        if (_audioOutput is not null)
        {
            _audioOutput.Pause();
            _audioOutput.Clear();
            _audio = new AudioStage(Info, _audioOutput, seconds, _timestamps[0] * _secondsPerUnit);
            _audio.Start();
        }

        Clock.Reset(seconds, _audio);
    }

    /// <summary>Pauses or resumes the sound device (the clock is the caller's to freeze or run).</summary>
    public void SetAudioPaused(bool paused)
    {
        if (_audioOutput is null)
        {
            return;
        }

        if (paused)
        {
            _audioOutput.Pause();
        }
        else
        {
            _audioOutput.Resume();
        }
    }

    /// <summary>Changes the volume by <paramref name="delta"/>; returns the volume in effect (1 without sound).</summary>
    public float AdjustVolume(float delta) => _audioOutput?.AdjustVolume(delta) ?? 1f;

    /// <summary>Rethrows a failure of the audio stage (video failures arrive through <see cref="Output"/>).</summary>
    public void ThrowIfFailed()
    {
        if (_audio?.Completion is { IsFaulted: true } failed)
        {
            ExceptionDispatchInfo.Capture(failed.Exception!.InnerException ?? failed.Exception).Throw();
        }
    }

    public void Dispose()
    {
        StopStages();
        StopAudio();
        _reader?.Dispose();
        _live?.Dispose();
        _lrPool.Dispose();
        _srPool.Dispose();
        _referencePool?.Dispose();
    }

    private bool ShouldDrop(VideoFrame lr)
    {
        if (_noDrop || !Clock.IsRunning)
        {
            return false;
        }

        // Late = it would be ready only after its successor is due, given how long the model takes now.
        double ready = Clock.NowSeconds + InferenceMeter.RecentMedianMilliseconds() / 1000;
        return SecondsOf(lr.Pts) + _frameSeconds < ready;
    }

    /// <summary>
    /// The reference's frame timestamps, once it is known to match: SR size and as many frames as the video.
    /// </summary>
    /// <exception cref="VideoFileException">It cannot: another size, another frame count, or unreadable.</exception>
    private long[] ReferenceTimestamps(VideoInfo reference)
    {
        int width = LrWidth * Scale, height = LrHeight * Scale;
        if (reference.Width != width || reference.Height != height)
        {
            throw new VideoFileException(reference.Path,
                $"is {reference.Width}x{reference.Height}; a reference must be the SR size, {width}x{height} ({LrWidth}x{LrHeight} x{Scale})");
        }

        using var reader = new VideoReader(reference);
        long[] timestamps = [.. reader.ReadTimestamps()];
        return timestamps.Length == _timestamps.Length
            ? timestamps
            : throw new VideoFileException(reference.Path, $"has {timestamps.Length} frames and the video {_timestamps.Length}: a reference must have one frame per frame");
    }

    /// <summary>Live: a frame is dropped when a newer one already waits (inference always takes the newest) or when it is stale.</summary>
    private bool ShouldDropLive(VideoFrame lr) =>
        _decode?.Output.Count > 0 || IsStale(lr.Timeline[TimelineMark.DecodeStart]);

    private void WarmUp()
    {
        // The first run at a size allocates the session's tensors and checks the output shape: done for every model
        // here, so that switching to one later costs no more than its next frame.
        var lr = new VideoFrame(LrWidth, LrHeight);
        var sr = new VideoFrame(LrWidth * _models.Scale, LrHeight * _models.Scale);
        foreach (var model in _models.Models)
        {
            model.Upscale(lr, sr);
        }
    }

    private void StopStages()
    {
        if (_stop is null || _decode is null || _inference is null)
        {
            return;
        }

        _stop.Cancel();
        if (!_decode.Join(JoinTimeout) || !_inference.Join(JoinTimeout) || _referenceStage?.Join(JoinTimeout) == false)
        {
            throw new TimeoutException($"the pipeline's threads did not stop within {JoinTimeout.TotalSeconds} s");
        }

        // Whatever was in flight goes back to the pools, so the next run starts with every frame free.
        while (_decode.Output.TryRead(out VideoFrame? lr))
        {
            lr.Return();
        }

        while (_inference.Output.TryRead(out UpscaledFrame pair))
        {
            pair.Return();
        }

        while (_referenceStage is not null && _referenceStage.Output.TryRead(out UpscaledFrame scored))
        {
            scored.Return();
        }

        Redo.Clear();
        _referenceStage = null;
        _referenceReader?.Dispose();
        _referenceReader = null;

        _droppedBefore += _inference.Dropped;
        _reader?.Dispose();
        _reader = null;
        _stop.Dispose();
        _stop = null;
        _decode = null;
        _inference = null;
    }

    private void StopAudio()
    {
        _audio?.Stop();
        _audio = null;
    }
}

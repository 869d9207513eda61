using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The live player's producing side: decode and inference stages (each on its own thread, bounded channels of
/// <see cref="StageChannel.Capacity"/>, pooled frames) and, when there is an audio device, the audio stage, all
/// started at one frame of the video and restarted from another for a seek. Frames older than the
/// <see cref="Clock"/> allows are dropped before inference (unless <c>noDrop</c>). Owned and driven by the render
/// thread; the stages' meters and drop count cover the whole playback across restarts.
/// </summary>
public sealed class PlaybackPipeline : IDisposable
{
    /// <summary>Frames per pool: a full channel plus one held by each side, plus the render loop's pending frame.</summary>
    private const int PoolCapacity = StageChannel.Capacity + 3;

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    private readonly IFrameUpscaler upscaler;
    private readonly SdlAudioOutput? audioOutput;
    private readonly bool noDrop;
    private readonly FramePool lrPool;
    private readonly FramePool srPool;
    private readonly long[] timestamps;
    private readonly double secondsPerUnit;
    private readonly double frameSeconds;
    private readonly Func<VideoFrame, bool> dropPolicy;
    private CancellationTokenSource? stop;
    private VideoReader? reader;
    private DecodeStage? decode;
    private InferenceStage? inference;
    private AudioStage? audio;
    private long droppedBefore;

    /// <param name="info">The probed video.</param>
    /// <param name="upscaler">The model (or bicubic), warmed up here; not owned.</param>
    /// <param name="audioOutput">An F32 device at the first audio stream's rate and channels; null = no sound
    /// (monotonic clock). Not owned.</param>
    /// <param name="noDrop">Never drop: every frame is shown, as fast as SR allows.</param>
    /// <exception cref="VideoFileException">The file cannot be decoded or has no frames.</exception>
    public PlaybackPipeline(VideoInfo info, IFrameUpscaler upscaler, SdlAudioOutput? audioOutput, bool noDrop)
    {
        Info = info;
        this.upscaler = upscaler;
        this.audioOutput = audioOutput;
        this.noDrop = noDrop;

        // The first reader also lists every frame's timestamp, which seeks and steps are resolved against.
        reader = new VideoReader(info);
        timestamps = [.. reader.Timestamps];
        secondsPerUnit = reader.TimeBase.ToDouble();
        frameSeconds = info.FramesPerSecond > 0 ? 1 / info.FramesPerSecond : 1.0 / 30;
        LrWidth = reader.Width;
        LrHeight = reader.Height;
        lrPool = new FramePool(LrWidth, LrHeight, PoolCapacity);
        srPool = new FramePool(LrWidth * upscaler.Scale, LrHeight * upscaler.Scale, PoolCapacity);
        DecodeMeter = new StageMeter("decode", timestamps.Length + 64);
        InferenceMeter = new StageMeter("infer", timestamps.Length + 64);
        dropPolicy = ShouldDrop;
        WarmUp();
    }

    public VideoInfo Info { get; }

    public PlaybackClock Clock { get; } = new();

    public StageMeter DecodeMeter { get; }

    public StageMeter InferenceMeter { get; }

    public int LrWidth { get; }

    public int LrHeight { get; }

    public int Scale => upscaler.Scale;

    /// <summary>The source's nominal frame interval (1 / its frame rate; 1/30 s when unknown).</summary>
    public double FrameSeconds => frameSeconds;

    /// <summary>Frames in the whole video.</summary>
    public int FrameCount => timestamps.Length;

    /// <summary>Whether sound is played (and the clock follows it).</summary>
    public bool HasAudio => audioOutput is not null;

    /// <summary>The decode stage has run to the end of the file (its rate is then no longer a rate).</summary>
    public bool DecodeFinished => decode?.Completion.IsCompleted ?? false;

    /// <summary>The inference stage has handled the last decoded frame.</summary>
    public bool InferenceFinished => inference?.Completion.IsCompleted ?? false;

    /// <summary>Frames dropped before inference since playback started.</summary>
    public long Dropped => droppedBefore + (inference?.Dropped ?? 0);

    /// <summary>Upscaled frames of the current run, in order; the reader returns each pair to its pools.</summary>
    public ChannelReader<UpscaledFrame> Output => inference?.Output ?? throw new InvalidOperationException("the pipeline is not started");

    /// <summary>Media time of <paramref name="pts"/> (the stream's units): seconds from the first frame.</summary>
    public double SecondsOf(long pts) => (pts - timestamps[0]) * secondsPerUnit;

    /// <summary>The frame shown at media time <paramref name="seconds"/>: the last one whose time is not after it.</summary>
    public long IndexAt(double seconds)
    {
        long target = timestamps[0] + (long)Math.Round(seconds / secondsPerUnit);
        int found = Array.BinarySearch(timestamps, target);
        int index = found >= 0 ? found : ~found - 1;
        return Math.Clamp(index, 0, timestamps.Length - 1);
    }

    /// <summary>
    /// (Re)starts decoding at frame <paramref name="index"/> (clamped), and the audio at its time. The clock is set
    /// there and frozen until the caller shows the first frame and calls <see cref="PlaybackClock.Run"/>.
    /// </summary>
    public void Start(long index)
    {
        StopStages();
        index = Math.Clamp(index, 0, timestamps.Length - 1);
        double seconds = SecondsOf(timestamps[index]);
        if (reader is null || index != 0 || reader.Decoded != 0)
        {
            reader?.Dispose();
            reader = null;
            reader = new VideoReader(Info, new VideoReaderOptions { Start = index == 0 ? null : TimeSpan.FromSeconds(seconds) });
        }

        int first = Array.BinarySearch(timestamps, reader.Timestamps[0]);
        stop = new CancellationTokenSource();
        decode = new DecodeStage(reader, lrPool, stop.Token, DecodeMeter, first >= 0 ? first : index);
        inference = new InferenceStage(decode.Output, upscaler, srPool, stop.Token, dropPolicy, InferenceMeter);
        RestartAudio(seconds);
        decode.Start();
        inference.Start();
    }

    /// <summary>Restarts the sound at <paramref name="seconds"/> (after frame steps) and resets the clock there, frozen.</summary>
    public void RestartAudio(double seconds)
    {
        StopAudio();
        if (audioOutput is not null)
        {
            audioOutput.Pause();
            audioOutput.Clear();
            audio = new AudioStage(Info, audioOutput, seconds, timestamps[0] * secondsPerUnit);
            audio.Start();
        }

        Clock.Reset(seconds, audio);
    }

    /// <summary>Pauses or resumes the sound device (the clock is the caller's to freeze or run).</summary>
    public void SetAudioPaused(bool paused)
    {
        if (audioOutput is null)
        {
            return;
        }

        if (paused)
        {
            audioOutput.Pause();
        }
        else
        {
            audioOutput.Resume();
        }
    }

    /// <summary>Changes the volume by <paramref name="delta"/>; returns the volume in effect (1 without sound).</summary>
    public float AdjustVolume(float delta) => audioOutput?.AdjustVolume(delta) ?? 1f;

    /// <summary>Rethrows a failure of the audio stage (video failures arrive through <see cref="Output"/>).</summary>
    public void ThrowIfFailed()
    {
        if (audio?.Completion is { IsFaulted: true } failed)
        {
            ExceptionDispatchInfo.Capture(failed.Exception!.InnerException ?? failed.Exception).Throw();
        }
    }

    public void Dispose()
    {
        StopStages();
        StopAudio();
        reader?.Dispose();
        lrPool.Dispose();
        srPool.Dispose();
    }

    private bool ShouldDrop(VideoFrame lr)
    {
        if (noDrop || !Clock.IsRunning)
        {
            return false;
        }

        // Late = it would be ready only after its successor is due, given how long the model takes now.
        double ready = Clock.NowSeconds + InferenceMeter.RecentMedianMilliseconds() / 1000;
        return SecondsOf(lr.Pts) + frameSeconds < ready;
    }

    private void WarmUp()
    {
        // The first run at a size allocates the session's tensors and checks the output shape.
        var lr = new VideoFrame(LrWidth, LrHeight);
        var sr = new VideoFrame(LrWidth * upscaler.Scale, LrHeight * upscaler.Scale);
        upscaler.Upscale(lr, sr);
    }

    private void StopStages()
    {
        if (stop is null || decode is null || inference is null)
        {
            return;
        }

        stop.Cancel();
        if (!decode.Join(JoinTimeout) || !inference.Join(JoinTimeout))
        {
            throw new TimeoutException($"the pipeline's threads did not stop within {JoinTimeout.TotalSeconds} s");
        }

        // Whatever was in flight goes back to the pools, so the next run starts with every frame free.
        while (decode.Output.TryRead(out VideoFrame? lr))
        {
            lr.Return();
        }

        while (inference.Output.TryRead(out UpscaledFrame pair))
        {
            pair.Return();
        }

        droppedBefore += inference.Dropped;
        reader?.Dispose();
        reader = null;
        stop.Dispose();
        stop = null;
        decode = null;
        inference = null;
    }

    private void StopAudio()
    {
        audio?.Stop();
        audio = null;
    }
}

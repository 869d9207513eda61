using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Player.Rendering.Osd;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The player's GL thread: takes upscaled frames from the <see cref="PlaybackPipeline"/> when the clock says they
/// are due (at once with <see cref="PlaybackOptions.NoDrop"/>), uploads them to the <see cref="ViewRenderer"/>,
/// draws and presents; handles input (pause, seek, step, mode, OSD, fullscreen, screenshot, volume, quit) and
/// redraws only when something changed. A frame goes back to its pools as soon as it is presented. Steady state
/// allocates nothing while the OSD is hidden (the OSD refreshes its figures a few times a second).
/// Run it on the thread whose GL context the target made current.
/// </summary>
public sealed class RenderLoop
{
    /// <summary>How often the OSD's figures are refreshed.</summary>
    private static readonly long OsdRefreshTicks = Stopwatch.Frequency / 4;

    /// <summary>Idle wait between polls when nothing is due: short against a 60 fps frame period.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(2);

    private readonly IRenderTarget target;
    private readonly ViewRenderer renderer;
    private readonly PlaybackPipeline pipeline;
    private readonly PlaybackOptions options;
    private readonly string modelName;
    private readonly string executionProvider;
    private readonly InputHandler input = new();
    private readonly List<PlayerAction> actions = new(8);
    private readonly StageTiming[] osdStages = new StageTiming[3];
    private ViewState state;
    private UpscaledFrame? pending;
    private bool awaitingFirst;
    private bool stepPending;
    private bool audioStale;
    private bool dirty = true;
    private long shownIndex = -1;
    private double shownSeconds;
    private long presented;
    private long renderBegin;
    private long lastPresentTicks;
    private long osdTicks;
    private long osdFramesDecode;
    private long osdFramesInfer;
    private long osdFramesShown;

    /// <param name="target">Where to draw; its context is current on this thread.</param>
    /// <param name="renderer">The view renderer made on that context.</param>
    /// <param name="pipeline">The producing side; started here.</param>
    /// <param name="options">Playback options.</param>
    /// <param name="modelName">The SR label and OSD model name.</param>
    /// <param name="executionProvider">Where the model runs ("cpu", "cuda", "none"), for the OSD.</param>
    public RenderLoop(IRenderTarget target, ViewRenderer renderer, PlaybackPipeline pipeline, PlaybackOptions options, string modelName, string executionProvider)
    {
        this.target = target;
        this.renderer = renderer;
        this.pipeline = pipeline;
        this.options = options;
        this.modelName = modelName;
        this.executionProvider = executionProvider;
        state = new ViewState(options.Mode, OsdVisible: options.OsdVisible);
        Recorder = new TimelineRecorder(pipeline.FrameCount + 64);
        RenderMeter = new StageMeter("render", pipeline.FrameCount + 64);
        renderer.SetLabels("Bicubic", modelName);
    }

    /// <summary>Called on the render thread after every iteration (tests drive input from here).</summary>
    public Action<PlayerSnapshot>? Observer { get; init; }

    /// <summary>One record per shown frame (decode, convert, infer and render times).</summary>
    public TimelineRecorder Recorder { get; }

    /// <summary>Upload + draw + present of each new frame, on the render thread.</summary>
    public StageMeter RenderMeter { get; }

    /// <summary>New frames shown.</summary>
    public long Presented => presented;

    /// <summary>Index of the frame on screen, −1 before the first.</summary>
    public long ShownIndex => shownIndex;

    /// <summary>Its media time in seconds.</summary>
    public double ShownSeconds => shownSeconds;

    /// <summary>
    /// Plays until the video ends, <see cref="PlaybackOptions.ExitAfterFrames"/> frames were shown, or the user quits.
    /// A failure of any stage is rethrown here, once.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired (Ctrl-C).</exception>
    public void Run(CancellationToken cancellation)
    {
        pipeline.Start(0);
        awaitingFirst = true;
        long iteration = 0;
        try
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                pipeline.ThrowIfFailed();
                if (!HandleInput())
                {
                    break;
                }

                bool ended = !TakeFrame();
                if (ended && pending is null)
                {
                    break;
                }

                bool shown = ShowIfDue();
                RefreshOsd();
                if (dirty)
                {
                    Draw(shown);
                }
                else
                {
                    Thread.Sleep(IdleWait);
                }

                Observer?.Invoke(new PlayerSnapshot(++iteration, presented, shownIndex, shownSeconds, state, pipeline.Dropped));
                if (options.ExitAfterFrames is { } most && presented >= most)
                {
                    break;
                }
            }

            if (options.ScreenshotPath is { } path)
            {
                SaveScreenshot(path);
            }
        }
        finally
        {
            pending?.Return();
            pending = null;
        }
    }

    /// <summary>Applies pending input; false when the user quits.</summary>
    private bool HandleInput()
    {
        var (width, height) = target.Size;
        while (target.PollEvent(out InputEvent e))
        {
            ViewState before = state;
            state = input.Handle(state, e, renderer.Layout(state, width, height), actions);
            dirty |= before != state || e.Kind == InputEventKind.WindowResized;
        }

        bool keepGoing = true;
        for (int i = 0; i < actions.Count; i++)
        {
            PlayerAction action = actions[i];
            switch (action.Kind)
            {
                case PlayerActionKind.Quit:
                    keepGoing = false;
                    break;
                case PlayerActionKind.SetPaused:
                    SetPaused(action.Amount != 0);
                    break;
                case PlayerActionKind.Seek when shownIndex >= 0:
                    Restart(pipeline.IndexAt(shownSeconds + action.Amount));
                    break;
                case PlayerActionKind.Step when shownIndex >= 0 && action.Amount < 0:
                    Restart(shownIndex - 1);
                    break;
                case PlayerActionKind.Step when shownIndex >= 0:
                    stepPending = true;
                    audioStale = true;
                    break;
                case PlayerActionKind.Screenshot:
                    SaveScreenshot(Path.Combine(options.ScreenshotFolder, $"rtsr-screenshot-{Math.Max(shownIndex, 0):D6}.png"));
                    break;
                case PlayerActionKind.Volume:
                    float volume = pipeline.AdjustVolume((float)action.Amount);
                    Console.Error.WriteLine($"volume {volume:P0}");
                    break;
                case PlayerActionKind.SetFullscreen:
                    target.SetFullscreen(action.Amount != 0);
                    dirty = true;
                    break;
            }
        }

        actions.Clear();
        return keepGoing;
    }

    private void SetPaused(bool paused)
    {
        if (paused)
        {
            pipeline.Clock.Freeze();
            pipeline.SetAudioPaused(true);
        }
        else if (!awaitingFirst)
        {
            if (audioStale)
            {
                // Frames were stepped while paused: the sound must pick up at the frame on screen.
                pipeline.RestartAudio(shownSeconds);
                audioStale = false;
            }

            pipeline.SetAudioPaused(false);
            pipeline.Clock.Run();
        }

        dirty = true;
    }

    private void Restart(long index)
    {
        pending?.Return();
        pending = null;
        stepPending = false;
        audioStale = false;
        pipeline.Start(index);
        awaitingFirst = true;
    }

    /// <summary>Makes sure a frame is pending if one is ready; false when the stream has ended.</summary>
    private bool TakeFrame()
    {
        if (pending is not null)
        {
            return true;
        }

        var output = pipeline.Output;
        if (output.TryRead(out UpscaledFrame frame))
        {
            pending = frame;
            return true;
        }

        if (!output.Completion.IsCompleted)
        {
            return true;
        }

        if (output.Completion.IsFaulted)
        {
            Exception failure = output.Completion.Exception!;
            ExceptionDispatchInfo.Capture(failure.InnerException ?? failure).Throw();
        }

        return false;
    }

    /// <summary>Uploads the pending frame when it is due; true when a new frame went up.</summary>
    private bool ShowIfDue()
    {
        if (pending is not { } frame)
        {
            return false;
        }

        double seconds = pipeline.SecondsOf(frame.Sr.Pts);
        if (stepPending && frame.Sr.Index != shownIndex + 1)
        {
            // A frame was dropped before the pause: decode the wanted one instead of skipping it.
            Restart(shownIndex + 1);
            return false;
        }

        bool due = awaitingFirst || stepPending || options.NoDrop
            || (pipeline.Clock.IsRunning && pipeline.Clock.NowSeconds >= seconds);
        if (!due)
        {
            return false;
        }

        long begin = RenderMeter.Begin();
        frame.Sr.Timeline.Set(TimelineMark.OutputStart, begin); // the meter's instants: file and table agree
        VideoFrame lr = frame.Lr;
        VideoFrame sr = frame.Sr;
        renderer.SetFrame(lr.Pixels, lr.Width, lr.Height, sr.Pixels, sr.Width, sr.Height);
        shownIndex = sr.Index;
        shownSeconds = seconds;
        renderBegin = begin;
        stepPending = false;
        if (awaitingFirst)
        {
            awaitingFirst = false;
            if (!state.Paused)
            {
                pipeline.SetAudioPaused(false);
                pipeline.Clock.Run();
            }
        }

        dirty = true;
        return true;
    }

    private void Draw(bool newFrame)
    {
        var (width, height) = target.Size;
        target.Bind();
        renderer.Draw(state, width, height);
        target.Present();
        dirty = false;
        if (!newFrame || pending is not { } frame)
        {
            return;
        }

        long end = RenderMeter.End(renderBegin);
        frame.Sr.Timeline.Set(TimelineMark.OutputEnd, end);
        frame.Sr.Timeline.Set(TimelineMark.Present, end);
        Recorder.Add(frame.Sr.Index, frame.Sr.PtsSeconds, frame.Sr.Timeline);
        long now = Stopwatch.GetTimestamp();
        if (lastPresentTicks != 0)
        {
            renderer.FrameTimes.Add((now - lastPresentTicks) * 1000.0 / Stopwatch.Frequency);
        }

        lastPresentTicks = now;
        presented++;
        frame.Return();
        pending = null;
    }

    private void RefreshOsd()
    {
        long now = Stopwatch.GetTimestamp();
        if (!state.OsdVisible || now - osdTicks < OsdRefreshTicks)
        {
            return;
        }

        double seconds = osdTicks == 0 ? 0 : (now - osdTicks) / (double)Stopwatch.Frequency;
        long decoded = pipeline.DecodeMeter.Frames, inferred = pipeline.InferenceMeter.Frames;
        double Rate(long count, long before) => seconds > 0 ? (count - before) / seconds : 0;
        osdStages[0] = new StageTiming("decode", pipeline.DecodeMeter.RecentMedianMilliseconds(), pipeline.DecodeMeter.LastMilliseconds);
        osdStages[1] = new StageTiming("sr", pipeline.InferenceMeter.RecentMedianMilliseconds(), pipeline.InferenceMeter.LastMilliseconds);
        osdStages[2] = new StageTiming("render", RenderMeter.RecentMedianMilliseconds(), RenderMeter.LastMilliseconds);
        renderer.SetOsd(new OsdStats(
            // A finished stage shows "-": its rate over the last interval would read 0 although nothing is wrong.
            pipeline.DecodeFinished ? double.NaN : Rate(decoded, osdFramesDecode),
            pipeline.InferenceFinished ? double.NaN : Rate(inferred, osdFramesInfer),
            Rate(presented, osdFramesShown), osdStages,
            pipeline.Dropped, modelName, pipeline.Scale, executionProvider.ToUpperInvariant(), pipeline.LrWidth, pipeline.LrHeight, state.Paused,
            pipeline.FrameSeconds * 1000));
        (osdTicks, osdFramesDecode, osdFramesInfer, osdFramesShown) = (now, decoded, inferred, presented);
        dirty = true;
    }

    private void SaveScreenshot(string path)
    {
        var (width, height) = target.Size;
        target.Bind();
        renderer.Draw(state, width, height);
        Screenshot.Save(target.Gl, width, height, path);
        Console.Error.WriteLine($"screenshot: {path} (frame {shownIndex})");
        dirty = true;
    }
}

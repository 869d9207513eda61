using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The player's GL thread: takes upscaled frames from the <see cref="PlaybackPipeline"/> when the clock says they
/// are due (<see cref="PlaybackTransport"/> decides, and owns pause, seek and step, the clock and the sound), uploads
/// them to the <see cref="ViewRenderer"/>, draws and presents; passes input on (pause, seek, step to the transport;
/// mode, OSD, fullscreen, screenshot, volume, quit here) and redraws only when something changed. A frame goes back to its pools as soon as it is presented. Steady state
/// allocates nothing while the OSD is hidden (the OSD refreshes its figures a few times a second).
/// Run it on the thread whose GL context the target made current.
/// </summary>
public sealed class RenderLoop
{
    /// <summary>Idle wait between polls when nothing is due: short against a 60 fps frame period.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(2);

    private readonly IRenderTarget _target;
    private readonly ViewRenderer _renderer;
    private readonly PlaybackPipeline _pipeline;
    private readonly PlaybackOptions _options;
    private readonly InputHandler _input = new();
    private readonly List<PlayerAction> _actions = new(8);
    private readonly PlaybackTransport _transport;
    private readonly OsdSampler _osd;
    private ViewState _state;
    private UpscaledFrame? _pending;
    private bool _dirty = true;
    private long _presented;
    private long _renderBegin;
    private long _lastPresentTicks;
    private int _shownModel;
    private string? _liveLabel;
    private readonly List<ReferenceScores> _scores;

    /// <param name="target">Where to draw; its context is current on this thread.</param>
    /// <param name="renderer">The view renderer made on that context.</param>
    /// <param name="pipeline">The producing side; started here.</param>
    /// <param name="options">Playback options.</param>
    public RenderLoop(IRenderTarget target, ViewRenderer renderer, PlaybackPipeline pipeline, PlaybackOptions options)
    {
        _target = target;
        _renderer = renderer;
        _pipeline = pipeline;
        _options = options;
        _state = new ViewState(options.Mode, OsdVisible: options.OsdVisible);
        _transport = new PlaybackTransport(pipeline, options.NoDrop);
        // Live runs may last days: their per-frame records keep the most recent frames only.
        Recorder = new TimelineRecorder(pipeline.ExpectedFrames + 64, keepRecent: pipeline.Live is not null);
        RenderMeter = new StageMeter("render", pipeline.ExpectedFrames + 64, keepRecent: pipeline.Live is not null);
        _scores = new List<ReferenceScores>(pipeline.HasReference ? pipeline.ExpectedFrames + 64 : 0);
        var model = pipeline.Models.Current;
        _osd = new OsdSampler(pipeline, RenderMeter, model.Name, model.ExecutionProvider);
        renderer.SetLabels("Bicubic", model.Name);
        _shownModel = pipeline.Models.Selected;
    }

    /// <summary>Called on the render thread after every iteration (tests drive input from here).</summary>
    public Action<PlayerSnapshot>? Observer { get; init; }

    /// <summary>One record per shown frame (decode, convert, infer and render times).</summary>
    public TimelineRecorder Recorder { get; }

    /// <summary>Upload + draw + present of each new frame, on the render thread.</summary>
    public StageMeter RenderMeter { get; }

    /// <summary>With a reference video: the scores of each frame in <see cref="Recorder"/>, in its order; else empty.</summary>
    public IReadOnlyList<ReferenceScores> Scores => _scores;

    /// <summary>New frames shown.</summary>
    public long Presented => _presented;

    /// <summary>Index of the frame on screen, −1 before the first.</summary>
    public long ShownIndex => _transport.ShownIndex;

    /// <summary>Its media time in seconds.</summary>
    public double ShownSeconds => _transport.ShownSeconds;

    /// <summary>
    /// Plays until the video ends, <see cref="PlaybackOptions.ExitAfterFrames"/> frames were shown, or the user quits.
    /// A failure of any stage is rethrown here, once.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired (Ctrl-C).</exception>
    public void Run(CancellationToken cancellation)
    {
        _transport.StartAt(0);
        long iteration = 0;
        try
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                _pipeline.ThrowIfFailed();
                if (!HandleInput())
                {
                    break;
                }

                bool ended = !TakeFrame();
                if (ended && _pending is null)
                {
                    break;
                }

                bool shown = ShowIfDue();
                RefreshOsd();
                if (_dirty)
                {
                    Draw(shown);
                }
                else
                {
                    Thread.Sleep(IdleWait);
                }

                Observer?.Invoke(new PlayerSnapshot(
                    ++iteration, _presented, _transport.ShownIndex, _transport.ShownSeconds, _state, _pipeline.Dropped, _pipeline.Models.Models[_shownModel].Name));
                if (_options.ExitAfterFrames is { } most && _presented >= most)
                {
                    break;
                }
            }

            if (_options.ScreenshotPath is { } path)
            {
                SaveScreenshot(path);
            }
        }
        finally
        {
            _pending?.Return();
            _pending = null;
        }
    }

    /// <summary>Applies pending input; false when the user quits.</summary>
    private bool HandleInput()
    {
        var (width, height) = _target.Size;
        while (_target.PollEvent(out InputEvent e))
        {
            ViewState before = _state;
            _state = _input.Handle(_state, e, _renderer.Layout(_state, width, height), _actions);
            _dirty |= before != _state || e.Kind == InputEventKind.WindowResized;
        }

        bool keepGoing = true;
        for (int i = 0; i < _actions.Count; i++)
        {
            PlayerAction action = _actions[i];
            switch (action.Kind)
            {
                case PlayerActionKind.Quit:
                    keepGoing = false;
                    break;
                case PlayerActionKind.SetPaused:
                    _transport.SetPaused(action.Amount != 0);
                    _dirty = true;
                    break;
                case PlayerActionKind.Seek or PlayerActionKind.Step when _pipeline.Live is not null && (action.Kind == PlayerActionKind.Seek || action.Amount < 0):
                    Console.Error.WriteLine("live source: seeking is off (space pauses; playback resumes at live)");
                    break;
                case PlayerActionKind.Seek when _transport.ShownIndex >= 0:
                    DropPending();
                    _transport.SeekBy(action.Amount);
                    break;
                case PlayerActionKind.Step when _transport.ShownIndex >= 0 && action.Amount < 0:
                    DropPending();
                    _transport.Step(-1);
                    break;
                case PlayerActionKind.Step:
                    _transport.Step(+1);
                    break;
                case PlayerActionKind.Screenshot:
                    SaveScreenshot(Path.Combine(_options.ScreenshotFolder, $"rtsr-screenshot-{Math.Max(_transport.ShownIndex, 0):D6}.png"));
                    break;
                case PlayerActionKind.NextModel when _pipeline.Models.Models.Count > 1:
                    SwitchModel();
                    break;
                case PlayerActionKind.Evidence when _options.SourcePath is { } source && _transport.ShownIndex >= 0:
                    var model = _pipeline.Models.Models[_shownModel];
                    string? modelPath = _shownModel < _options.ModelPaths.Count ? _options.ModelPaths[_shownModel] : null;
                    SaveEvidence(new EvidenceSource(source, modelPath, model.Name, model.Scale, model.ExecutionProvider));
                    break;
                case PlayerActionKind.Volume:
                    float volume = _pipeline.AdjustVolume((float)action.Amount);
                    Console.Error.WriteLine($"volume {volume:P0}");
                    break;
                case PlayerActionKind.SetFullscreen:
                    _target.SetFullscreen(action.Amount != 0);
                    _dirty = true;
                    break;
            }
        }

        _actions.Clear();
        return keepGoing;
    }

    /// <summary>Returns the frame waiting to be shown to its pools: the transport is about to decode from elsewhere.</summary>
    private void DropPending()
    {
        _pending?.Return();
        _pending = null;
    }

    /// <summary>Makes sure a frame is pending if one is ready; false when the stream has ended.</summary>
    private bool TakeFrame()
    {
        if (_pending is { } held && _pipeline.IsStale(held.Sr.Timeline[TimelineMark.DecodeStart]))
        {
            // Live, after a pause: the frame held on screen's behalf is from the past.
            DropPending();
            _pipeline.CountDropped();
        }

        if (_pending is not null)
        {
            return true;
        }

        var output = _pipeline.Output;
        if (_pipeline.Redo.Outstanding > 0)
        {
            // After a model switch: the frames sent back come first, in order; later stale ones queue behind them.
            if (_pipeline.InferenceFinished)
            {
                _pipeline.Redo.GiveBackWaiting();
            }

            if (_pipeline.Redo.TryTakeBack(out UpscaledFrame again))
            {
                _pending = again;
            }
            else
            {
                SendStaleFramesBack(output);
            }

            return true;
        }

        while (output.TryRead(out UpscaledFrame frame))
        {
            if (_pipeline.Live is not null)
            {
                // Live: only the newest upscaled frame is worth showing; older and stale ones are dropped.
                if (_pipeline.IsStale(frame.Sr.Timeline[TimelineMark.DecodeStart]))
                {
                    frame.Return();
                    _pipeline.CountDropped();
                    continue;
                }

                if (_pending is { } older)
                {
                    older.Return();
                    _pipeline.CountDropped();
                }

                _pending = frame;
                continue;
            }

            // After a switch, frames the previous model made while they waited in the queue are upscaled again with
            // the new one (see SwitchModel), so the frame due next is the new model's.
            if (frame.Sr.ModelIndex != _pipeline.Models.Selected && !_transport.Paused)
            {
                _pipeline.Redo.Send(frame);
                SendStaleFramesBack(output);
                return true;
            }

            _pending = frame;
            return true;
        }

        if (_pending is not null || !output.Completion.IsCompleted)
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
        if (_pending is not { } frame)
        {
            return false;
        }

        double seconds = _pipeline.SecondsOf(frame.Sr.Pts);
        switch (_transport.Decide(frame.Sr.Index, seconds))
        {
            case FrameDecision.Wait:
                return false;
            case FrameDecision.Restart:
                DropPending();
                _transport.RestartStep();
                return false;
        }

        long begin = RenderMeter.Begin(frame.Sr.Timeline, TimelineMark.OutputStart);
        VideoFrame lr = frame.Lr;
        VideoFrame sr = frame.Sr;
        _renderer.SetFrame(lr.Pixels, lr.Width, lr.Height, sr.Pixels, sr.Width, sr.Height);
        if (frame.Reference is { } reference)
        {
            _renderer.SetReference(reference.Pixels, reference.Width, reference.Height);
        }
        if (sr.ModelIndex != _shownModel)
        {
            // The label and the OSD name the model that made these pixels, from this frame on.
            var model = _pipeline.Models.Models[sr.ModelIndex];
            _shownModel = sr.ModelIndex;
            SetLabels();
            _osd.SetModel(model.Name, model.ExecutionProvider);
        }

        _transport.Shown(sr.Index, seconds);
        _renderBegin = begin;
        _dirty = true;
        return true;
    }

    /// <summary>Labels the halves: the SR side names the model of the frame shown and, live, a connection that is not receiving.</summary>
    private void SetLabels()
    {
        string model = _pipeline.Models.Models[_shownModel].Name;
        _renderer.SetLabels("Bicubic", _liveLabel is null or "live" ? model : $"{model} ({_liveLabel})");
    }

    private void Draw(bool newFrame)
    {
        var (width, height) = _target.Size;
        _target.Bind();
        _renderer.Draw(_state, width, height);
        _target.Present();
        _dirty = false;
        if (!newFrame || _pending is not { } frame)
        {
            return;
        }

        RenderMeter.End(_renderBegin, frame.Sr.Timeline, TimelineMark.OutputEnd, TimelineMark.Present);
        if (_pipeline.Live is not null)
        {
            _osd.AddLatency(frame.Sr.Timeline.Milliseconds(TimelineMark.DecodeStart, TimelineMark.Present));
        }

        Recorder.Add(frame.Sr.Index, frame.Sr.PtsSeconds, frame.Sr.Timeline);
        if (_pipeline.HasReference)
        {
            _scores.Add(frame.Sr.Scores);
            _osd.AddScores(frame.Sr.Scores);
        }

        long now = Stopwatch.GetTimestamp();
        if (_lastPresentTicks != 0)
        {
            _renderer.FrameTimes.Add((now - _lastPresentTicks) * 1000.0 / Stopwatch.Frequency);
        }

        _lastPresentTicks = now;
        _presented++;
        frame.Return();
        _pending = null;
    }

    private void RefreshOsd()
    {
        if (_pipeline.Live is { } live && OsdSampler.LiveLabel(live.Status) is var status && status != _liveLabel)
        {
            // The connection's state is on the SR label too, so it shows with the OSD off.
            _liveLabel = status;
            SetLabels();
            _dirty = true;
        }

        if (_state.OsdVisible && _osd.Sample(_presented, _transport.Paused) is { } stats)
        {
            _renderer.SetOsd(stats);
            _dirty = true;
        }
    }

    /// <summary>
    /// Selects the next model. Playing, the frames the previous model made that wait to be shown go back to the
    /// inference stage to be upscaled again with the new one ahead of new frames, so the next frame shown is the new
    /// model's and none is skipped; paused, the frame on screen is decoded and upscaled again with it.
    /// </summary>
    private void SwitchModel()
    {
        int next = _pipeline.Models.SelectNext();
        Console.Error.WriteLine($"model: {_pipeline.Models.Models[next].Name}");
        if (_transport.Paused && _transport.ShownIndex >= 0)
        {
            DropPending();
            _transport.StartAt(_transport.ShownIndex);
        }
        else if (_pipeline.Live is null && _pipeline.Redo.Outstanding == 0 && _pending is { } stale && stale.Sr.ModelIndex != next)
        {
            _pending = null;
            _pipeline.Redo.Send(stale);
            SendStaleFramesBack(_pipeline.Output);
        }
    }

    /// <summary>Sends the queued frames of a model no longer selected back to be upscaled again, in order, up to the first of the selected one.</summary>
    private void SendStaleFramesBack(System.Threading.Channels.ChannelReader<UpscaledFrame> output)
    {
        while (output.TryPeek(out UpscaledFrame next) && next.Sr.ModelIndex != _pipeline.Models.Selected && output.TryRead(out next))
        {
            _pipeline.Redo.Send(next);
        }
    }

    private void SaveEvidence(EvidenceSource evidence)
    {
        var (width, height) = _target.Size;
        _target.Bind();
        var pictures = _renderer.ReadPictures(width, height);
        // The SR region on screen: the first pane's visible picture rectangle (both panes show the same one).
        ViewPane pane = _renderer.Layout(_state, width, height).First;
        var (left, top) = pane.ToPicture(pane.Fit.X, pane.Fit.Y);
        var (right, bottom) = pane.ToPicture(pane.Fit.Right, pane.Fit.Bottom);
        int x0 = Math.Max(0, (int)Math.Floor(left)), y0 = Math.Max(0, (int)Math.Floor(top));
        int x1 = Math.Min(pictures.Sr.Width, (int)Math.Ceiling(right)), y1 = Math.Min(pictures.Sr.Height, (int)Math.Ceiling(bottom));
        string sidecar = EvidenceSnapshot.Write(
            _options.ScreenshotFolder, evidence, _transport.ShownIndex, _transport.ShownSeconds, _state, (x0, y0, x1 - x0, y1 - y0), pictures);
        Console.Error.WriteLine($"evidence: {sidecar} (frame {_transport.ShownIndex})");
        _dirty = true;
    }

    private void SaveScreenshot(string path)
    {
        var (width, height) = _target.Size;
        _target.Bind();
        _renderer.Draw(_state, width, height);
        Screenshot.Save(_target.Gl, width, height, path);
        Console.Error.WriteLine($"screenshot: {path} (frame {_transport.ShownIndex})");
        _dirty = true;
    }
}

using System.Collections.Concurrent;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Frames sent back to the inference stage after a model switch: the render loop hands over the upscaled frames the
/// previous model made that are still waiting to be shown, the inference stage upscales their LR frames again with
/// the model selected now (before any new frame) and hands them back, in the same order. So the frame due next is the
/// new model's, instead of being dropped and leaving the last one on screen. Render thread and inference thread.
/// </summary>
public sealed class ModelRedo
{
    private readonly ConcurrentQueue<UpscaledFrame> _waiting = new();
    private readonly ConcurrentQueue<UpscaledFrame> _done = new();
    private int _outstanding;

    /// <summary>Frames handed over and not taken back yet (render thread).</summary>
    public int Outstanding => _outstanding;

    /// <summary>Render thread: upscale this frame again with the selected model.</summary>
    public void Send(UpscaledFrame frame)
    {
        _outstanding++;
        _waiting.Enqueue(frame);
    }

    /// <summary>Render thread: the oldest frame upscaled again, if it is back.</summary>
    public bool TryTakeBack(out UpscaledFrame frame)
    {
        if (_done.TryDequeue(out frame))
        {
            _outstanding--;
            return true;
        }

        return false;
    }

    /// <summary>Inference thread: the next frame to upscale again.</summary>
    public bool TryTake(out UpscaledFrame frame) => _waiting.TryDequeue(out frame);

    /// <summary>Inference thread: <paramref name="frame"/> is upscaled again.</summary>
    public void Done(UpscaledFrame frame) => _done.Enqueue(frame);

    /// <summary>
    /// Render thread, once the inference stage has ended (the end of the file): the frames still waiting come back as
    /// they are, so the render loop does not wait for an upscale that will not happen.
    /// </summary>
    public void GiveBackWaiting()
    {
        while (_waiting.TryDequeue(out UpscaledFrame frame))
        {
            _done.Enqueue(frame);
        }
    }

    /// <summary>Returns every frame still in either direction to its pools (the stages are stopped: a seek or the end).</summary>
    public void Clear()
    {
        while (_waiting.TryDequeue(out UpscaledFrame frame) || _done.TryDequeue(out frame))
        {
            frame.Return();
        }

        _outstanding = 0;
    }
}

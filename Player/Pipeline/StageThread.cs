namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// A stage's own named thread and its completion: <see cref="Completion"/> finishes when the loop returns, and
/// faults with the loop's exception (the stage has already completed its output channel with it).
/// </summary>
public sealed class StageThread
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;

    public StageThread(string name, Action loop)
    {
        _thread = new Thread(() =>
        {
            try
            {
                loop();
                _completion.TrySetResult();
            }
            catch (Exception e)
            {
                _completion.TrySetException(e);
            }
        })
        {
            Name = name,
            IsBackground = true,
        };
    }

    public string Name => _thread.Name ?? "";

    public Task Completion => _completion.Task;

    public void Start() => _thread.Start();

    /// <summary>Waits for the thread to end; false if it did not within <paramref name="timeout"/>.</summary>
    public bool Join(TimeSpan timeout) => !_thread.IsAlive || _thread.Join(timeout);
}

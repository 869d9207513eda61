namespace RealtimeSR.Player.Commands;

/// <summary>Turns Ctrl-C into a cancellation (the stages stop, temporary files are removed) instead of a kill.</summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CtrlC()
    {
        Console.CancelKeyPress += OnCancel;
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        // Keep the process alive so the pipeline can stop and clean up; a second Ctrl-C still kills it.
        if (!_source.IsCancellationRequested)
        {
            e.Cancel = true;
            _source.Cancel();
        }
    }
}

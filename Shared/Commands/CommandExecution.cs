namespace RealtimeSR.Shared.Commands;

/// <summary>
/// The one place where exceptions become what the user sees: a reportable failure is one line on stderr and a
/// named exit code (each executable maps its own exception types); Ctrl-C is "stopped" and 130; anything else is a
/// bug and keeps its stack trace.
/// </summary>
public static class CommandExecution
{
    /// <param name="body">The verb; returns its exit code.</param>
    /// <param name="exitCodeFor">Maps a reportable failure to one of <see cref="ExitCodes"/>.</param>
    public static int Run(Func<int> body, Func<ReportableException, int> exitCodeFor)
    {
        try
        {
            return body();
        }
        catch (ReportableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return exitCodeFor(e);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("stopped");
            return ExitCodes.Interrupted;
        }
    }
}

namespace RealtimeSR.Shared.Commands;

/// <summary>
/// The one place where exceptions become what the user sees, for both executables: a reportable failure is one
/// line on stderr and the exit code its type names (<see cref="ReportableException.ExitCode"/>); Ctrl-C is
/// "stopped" and 130; anything else is a bug and keeps its stack trace.
/// </summary>
public static class CommandExecution
{
    /// <param name="body">The verb; returns its exit code.</param>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ReportableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("stopped");
            return ExitCodes.Interrupted;
        }
    }
}

namespace RealtimeSR.Shared;

/// <summary>
/// A failure caused by what the user gave us (a file, a model, an option), not by a bug. Its
/// <see cref="Exception.Message"/> is one line that names the offending thing and is shown to the user as is;
/// commands turn it into that line and its <see cref="ExitCode"/>, never a stack trace.
/// </summary>
public abstract class ReportableException : Exception
{
    /// <summary>The process exit code this failure ends a verb with (one of <see cref="Commands.ExitCodes"/>).</summary>
    public abstract int ExitCode { get; }

    protected ReportableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

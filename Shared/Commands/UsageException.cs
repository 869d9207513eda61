namespace RealtimeSR.Shared.Commands;

/// <summary>Options that parse but do not make sense together or point at nothing.</summary>
public sealed class UsageException : ReportableException
{
    public override int ExitCode => ExitCodes.UsageError;

    public UsageException(string message)
        : base(message)
    {
    }
}

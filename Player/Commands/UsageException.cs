using RealtimeSR.Shared;

namespace RealtimeSR.Player.Commands;

/// <summary>Options that parse but do not make sense together or point at nothing.</summary>
internal sealed class UsageException : ReportableException
{
    public UsageException(string message)
        : base(message)
    {
    }
}

using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Models;

/// <summary>An architecture name the registry does not know.</summary>
internal sealed class UnknownArchitectureException : ReportableException
{
    public override int ExitCode => ExitCodes.BadInput;

    public UnknownArchitectureException(string name)
        : base($"unknown architecture '{name}' (known: {string.Join(", ", ArchitectureRegistry.Names)})")
    {
    }
}

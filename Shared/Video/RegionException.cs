using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Video;

/// <summary>A region of interest that is malformed or does not fit in the picture.</summary>
public sealed class RegionException : ReportableException
{
    public override int ExitCode => ExitCodes.BadInput;

    public RegionException(string message)
        : base(message)
    {
    }
}

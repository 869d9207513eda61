namespace RealtimeSR.Tests.Trainer.Commands;

/// <summary>Runs the built trainer executable (see <see cref="ToolProcess"/>).</summary>
internal static class TrainerProcess
{
    // As ./rtsr does: a large gen-0 budget makes TorchSharp's Scalar crash (see LongLivedScalars) far rarer.
    private static readonly Dictionary<string, string> Environment = new() { ["DOTNET_GCgen0size"] = "0x10000000" };

    public static ToolResult Run(params string[] args) => ToolProcess.Run("RealtimeSR.Trainer.dll", Environment, args);
}

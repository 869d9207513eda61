namespace RealtimeSR.Tests.Player.Commands;

/// <summary>Runs the built player executable (see <see cref="ToolProcess"/>).</summary>
internal static class PlayerProcess
{
    public static ToolResult Run(params string[] args) => RunWithEnvironment(new Dictionary<string, string>(), args);

    /// <summary>Like <see cref="Run"/> with extra environment variables for the child (e.g. SDL's audio driver).</summary>
    public static ToolResult RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ToolProcess.Run("RealtimeSR.Player.dll", environment, args);
}

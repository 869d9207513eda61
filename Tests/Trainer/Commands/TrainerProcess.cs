namespace RealtimeSR.Tests.Trainer.Commands;

/// <summary>Runs the built trainer executable (see <see cref="ToolProcess"/>).</summary>
internal static class TrainerProcess
{
    public static ToolResult Run(params string[] args) => ToolProcess.Run("RealtimeSR.Trainer.dll", new Dictionary<string, string>(), args);

    /// <summary>
    /// Runs the trainer with <see cref="StartupHook"/> collecting garbage and running finalizers without pause in its
    /// process, so that memory libtorch still reads is freed or reused mid-call if anything lets that happen.
    /// </summary>
    public static ToolResult RunInGarbageCollectionStorm(params string[] args) =>
        ToolProcess.Run("RealtimeSR.Trainer.dll", new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            [StartupHook.Variable] = "1",
        }, args);
}

using System.Diagnostics.CodeAnalysis;

/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c> = this test assembly) that collects garbage and runs finalizers
/// in a loop for the whole life of the process it is loaded into. Anything that hands libtorch memory a finalizer
/// can free (a Scalar or tensor nobody holds) is then freed mid-call within a few hundred steps instead of once
/// in a long run on a busy machine. The runtime requires this name, in no namespace.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "the runtime looks for StartupHook in no namespace")]
internal static class StartupHook
{
    public const string Variable = "RTSR_TEST_GC_STORM";

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return;
        }

        var storm = new Thread(() =>
        {
            while (true)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        })
        {
            Name = "GarbageCollectionStorm",
            IsBackground = true,
        };
        storm.Start();
    }
}

using RealtimeSR.Shared.Data;

namespace RealtimeSR.Tests;

/// <summary>Locates ../shared/data for tests; tests that need it skip with the reason when it is absent.</summary>
internal static class SharedData
{
    public static string Require(params string[] parts)
    {
        string? root = DataRoot.Find();
        Skip.If(root is null, $"shared data folder not found (set {DataRoot.EnvironmentVariable} or put it at ../shared/data)");
        string path = Path.Combine([root!, .. parts]);
        Skip.IfNot(Directory.Exists(path) || File.Exists(path), $"{path} is not in the shared data folder");
        return path;
    }
}

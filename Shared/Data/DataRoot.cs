namespace RealtimeSR.Shared.Data;

/// <summary>
/// Finds the shared data folder (benchmark sets, MATLAB LR pairs, training images), which is not part of the
/// repository: <c>$RTSR_DATA</c> when set, else <c>../shared/data</c> beside the checkout that holds
/// RealtimeSR.sln, searched upwards from the working directory and from the program's folder.
/// </summary>
public static class DataRoot
{
    public const string EnvironmentVariable = "RTSR_DATA";

    /// <summary>The data folder, or null when there is none.</summary>
    public static string? Find()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        return Checkouts()
            .Select(checkout => Path.GetFullPath(Path.Combine(checkout, "..", "shared", "data")))
            .FirstOrDefault(Directory.Exists);
    }

    /// <summary>
    /// The folder of the benchmark set <paramref name="name"/> (Set5, Set14, BSD100, …): <c>sets/NAME</c> of the data
    /// folder when it holds it, else the copy shipped in the repository (<c>media/sets/NAME</c>: Set5 and Set14, so
    /// that <c>eval</c> works on a fresh clone), else null.
    /// </summary>
    public static string? FindSet(string name)
    {
        string? root = Find();
        if (root is not null && Directory.Exists(Path.Combine(root, "sets", name)))
        {
            return Path.Combine(root, "sets", name);
        }

        return Checkouts().Select(checkout => Path.Combine(checkout, "media", "sets", name)).FirstOrDefault(Directory.Exists);
    }

    /// <summary>The checkouts holding the working directory and the program, in that order (either may be none).</summary>
    private static IEnumerable<string> Checkouts() =>
        new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }.Select(FindCheckout).OfType<string>();

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds RealtimeSR.sln, or null.</summary>
    public static string? FindCheckout(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RealtimeSR.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

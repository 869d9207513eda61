using RealtimeSR.Shared.Data;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Trainer.Commands;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>A named folder of high-resolution benchmark images (Set5, Set14, BSD100, …), in file-name order.</summary>
internal sealed record BenchmarkSet(string Name, string Folder, IReadOnlyList<string> Files)
{
    /// <summary>
    /// The set called <paramref name="name"/>: <c>DATA/sets/NAME</c> where DATA is <paramref name="dataRoot"/>;
    /// without it, the shared data folder's copy or the one shipped in <c>media/sets</c> (<see cref="DataRoot.FindSet"/>).
    /// </summary>
    public static BenchmarkSet Named(string name, string? dataRoot)
    {
        string? folder = Locate(name, dataRoot);
        if (folder is null)
        {
            throw new UsageException(
                $"--set {name}: not shipped in media/sets and no data folder holds it (give --data DIR, set {DataRoot.EnvironmentVariable}, or use --hr DIR)");
        }

        return FromFolder(folder, name);
    }

    /// <summary>
    /// The folder <see cref="Named"/> reads: <c>DATA/sets/NAME</c> when <paramref name="dataRoot"/> is given (it may
    /// not exist), else <see cref="DataRoot.FindSet"/>'s (null when there is none).
    /// </summary>
    public static string? Locate(string name, string? dataRoot) =>
        dataRoot is null ? DataRoot.FindSet(name) : Path.Combine(dataRoot, "sets", name);

    /// <summary>The images in <paramref name="folder"/>, named after the folder unless <paramref name="name"/> is given.</summary>
    public static BenchmarkSet FromFolder(string folder, string? name = null)
    {
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"{folder}: folder not found");
        }

        string[] files = Directory.EnumerateFiles(full)
            .Where(ImageFile.IsImagePath)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new UsageException($"{folder}: no PNG, BMP or JPEG images in the folder");
        }

        return new BenchmarkSet(name ?? new DirectoryInfo(full).Name, full, files);
    }
}

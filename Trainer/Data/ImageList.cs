using System.Text.Json;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Trainer.Data;

/// <summary>
/// A JSON array of absolute picture paths, as <c>prepare</c> writes them (the tutorial's create_data_lists): training
/// and validation can read pictures from such a list instead of a folder.
/// </summary>
internal static class ImageList
{
    public static bool IsListFile(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(path);

    public static void Write(string path, IReadOnlyList<string> files) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(files, new JsonSerializerOptions { WriteIndented = true }));

    public static IReadOnlyList<string> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(File.ReadAllText(path))
                   ?? throw new TrainingDataException($"{path}: empty image list");
        }
        catch (JsonException e)
        {
            throw new TrainingDataException($"{path}: not a JSON list of picture paths ({e.Message.Split('\n')[0]})");
        }
    }
}

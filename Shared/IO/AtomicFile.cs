namespace RealtimeSR.Shared.IO;

/// <summary>
/// Writes files so that they appear complete or not at all: the content goes to a temporary name beside the
/// target and is renamed over it only when fully written. A crash or a full disk never leaves a half file
/// under the real name.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// The temporary name used while <paramref name="path"/> is being written: <c>name.part.ext</c>, keeping the
    /// extension because writers (image encoders, ffmpeg) choose the format from it.
    /// </summary>
    public static string TemporaryPathFor(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.ChangeExtension(full, ".part" + Path.GetExtension(full));
    }

    public static void WriteAllText(string path, string contents) =>
        Write(path, temporary => File.WriteAllText(temporary, contents));

    /// <summary>Runs <paramref name="writeTo"/> on a temporary path, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        string full = Path.GetFullPath(path);
        string temporary = TemporaryPathFor(full);
        try
        {
            writeTo(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

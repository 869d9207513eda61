using System.Security.Cryptography;

namespace RealtimeSR.Player.Segments;

/// <summary>
/// What tells a source file apart cheaply, even across machines that mount it at different paths: its size and the
/// SHA-256 of its first and last MiB (hashing a camera archive whole would cost as much as reading it).
/// </summary>
internal sealed record SourceIdentity
{
    private const int EdgeBytes = 1 << 20;

    /// <summary>Where it was when the work folder was made (for messages; not compared).</summary>
    public required string Path { get; init; }

    public required long Bytes { get; init; }

    public required string HeadSha256 { get; init; }

    public required string TailSha256 { get; init; }

    public static SourceIdentity Of(string path)
    {
        using var file = File.OpenRead(path);
        long length = file.Length;
        return new SourceIdentity
        {
            Path = System.IO.Path.GetFullPath(path),
            Bytes = length,
            HeadSha256 = HashRange(file, 0, (int)Math.Min(EdgeBytes, length)),
            TailSha256 = HashRange(file, Math.Max(0, length - EdgeBytes), (int)Math.Min(EdgeBytes, length)),
        };
    }

    /// <summary>Whether <paramref name="other"/> is the same file (path aside).</summary>
    public bool SameFileAs(SourceIdentity other) =>
        Bytes == other.Bytes && HeadSha256 == other.HeadSha256 && TailSha256 == other.TailSha256;

    private static string HashRange(FileStream file, long offset, int count)
    {
        var buffer = new byte[count];
        file.Position = offset;
        file.ReadExactly(buffer);
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }
}

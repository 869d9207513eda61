using System.Security.Cryptography;

namespace RealtimeSR.Shared.IO;

/// <summary>Checksums of files, as lower-case hex, for manifests and evidence sidecars.</summary>
public static class FileHash
{
    /// <summary>SHA-256 of the whole file at <paramref name="path"/>, read as a stream.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}

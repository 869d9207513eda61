using System.Collections.Concurrent;
using System.Globalization;
using FFMpegCore;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Which ffmpeg and ffprobe every run uses: FFMpegCore's <see cref="GlobalFFOptions"/> (PATH unless an
/// <c>ffmpeg.config.json</c> beside the program names a folder), or a folder given per run.
/// </summary>
internal static class FfmpegBinaries
{
    private static readonly ConcurrentDictionary<string, bool> Found = new();

    /// <summary>FFMpegCore's configured binaries.</summary>
    public static FFOptions Configured => GlobalFFOptions.Current;

    /// <summary>The path to start <paramref name="tool"/> ("ffmpeg", "ffprobe") with.</summary>
    public static string PathOf(string tool, FFOptions binaries) =>
        tool == "ffprobe" ? GlobalFFOptions.GetFFProbeBinaryPath(binaries) : GlobalFFOptions.GetFFMpegBinaryPath(binaries);

    /// <summary>Throws <see cref="FfmpegMissingException"/> unless <paramref name="tool"/> can be started.</summary>
    /// <remarks>FFMpegCore falls back to the bare name when its folder lacks the binary and only fails when the
    /// process cannot start, deep inside its task; this says so before the run, in the words the CLI reports.</remarks>
    public static void Require(string tool, FFOptions binaries)
    {
        string path = PathOf(tool, binaries);
        if (!Found.GetOrAdd(path, Exists))
        {
            throw new FfmpegMissingException(tool);
        }
    }

    /// <summary>
    /// Binaries whose ffmpeg may write at most <paramref name="bytes"/> bytes per file: a folder with an
    /// <c>ffmpeg</c> script that starts the configured one under <c>prlimit --fsize</c>, so a write past the limit
    /// fails inside ffmpeg as on a full disk (the writer's and upscale's test hook). Dispose removes the folder.
    /// </summary>
    /// <exception cref="FfmpegMissingException">ffmpeg or prlimit is not installed.</exception>
    public static FileSizeLimitedBinaries WithFileSizeLimit(long bytes)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the file-size limit is a Linux test hook (prlimit)");
        }

        Require("ffmpeg", Configured);
        string ffmpeg = Resolve(PathOf("ffmpeg", Configured)) ?? throw new FfmpegMissingException("ffmpeg");
        string prlimit = Resolve("prlimit") ?? throw new FfmpegMissingException("prlimit");
        string folder = Path.Combine(Path.GetTempPath(), $"rtsr-ffmpeg-fsize-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string script = Path.Combine(folder, "ffmpeg");
        File.WriteAllText(script, string.Create(CultureInfo.InvariantCulture, $"#!/bin/sh\nexec '{prlimit}' --fsize={bytes} -- '{ffmpeg}' \"$@\"\n"));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FileSizeLimitedBinaries(new FFOptions { BinaryFolder = folder }, folder);
    }

    private static bool Exists(string path) => Resolve(path) is not null;

    /// <summary>The file <paramref name="path"/> names: itself when it has a folder, else the first match on PATH.</summary>
    private static string? Resolve(string path)
    {
        if (path.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(path) ? Path.GetFullPath(path) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, path))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Binaries with a file-size limit (<see cref="FfmpegBinaries.WithFileSizeLimit"/>); dispose to remove their folder.</summary>
internal sealed class FileSizeLimitedBinaries(FFOptions options, string folder) : IDisposable
{
    public FFOptions Options { get; } = options;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in /tmp holds one small script; not worth failing a write for.
        }
    }
}

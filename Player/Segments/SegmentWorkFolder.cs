using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Player.Segments;

/// <summary>
/// The work folder of a segmented upscale, <c>OUT.parts/</c> beside the output: <c>manifest.json</c> and one
/// <c>segment-NNNN.EXT</c> per finished segment. Several workers (processes, machines sharing the folder) may use it
/// at once: each segment is written under a name of its own attempt and renamed into place when complete, and the
/// manifest is only read-modified-written under an exclusive lock on <c>manifest.lock</c> (an advisory file lock,
/// which network file systems such as NFS v4 also honour).
/// </summary>
internal sealed class SegmentWorkFolder
{
    /// <summary>
    /// How long a worker waits for the lock. The first worker holds it while it plans the job, which decodes the whole
    /// source once for its timestamps (minutes for hours of video); everything else holds it for milliseconds.
    /// </summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromHours(2);

    private readonly string _extension;

    public SegmentWorkFolder(string output)
    {
        Output = Path.GetFullPath(output);
        FolderPath = Output + ".parts";
        _extension = Path.GetExtension(Output);
    }

    /// <summary>The final output file.</summary>
    public string Output { get; }

    public string FolderPath { get; }

    public string ManifestPath => Path.Combine(FolderPath, "manifest.json");

    public bool Exists => File.Exists(ManifestPath);

    /// <summary>Where segment <paramref name="index"/> is once finished.</summary>
    public string SegmentPath(int index) => Path.Combine(FolderPath, string.Create(CultureInfo.InvariantCulture, $"segment-{index:D4}{_extension}"));

    /// <summary>A name of its own for one attempt at segment <paramref name="index"/> (two workers on one segment never share a file).</summary>
    public string AttemptPath(int index) =>
        Path.Combine(FolderPath, string.Create(CultureInfo.InvariantCulture, $"segment-{index:D4}.{Environment.ProcessId}-{Guid.NewGuid():N}{_extension}"));

    /// <summary>The manifest as it is now (segments may be finishing elsewhere meanwhile).</summary>
    /// <exception cref="SegmentWorkException">Missing or unreadable.</exception>
    public SegmentManifest Read()
    {
        try
        {
            return SegmentManifest.FromJson(File.ReadAllText(ManifestPath));
        }
        catch (FileNotFoundException)
        {
            throw new SegmentWorkException(FolderPath, "no segmented upscale has been started here (no manifest.json); run the command without --join first", ExitCodes.BadInput);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new SegmentWorkException(FolderPath, $"manifest.json is unreadable ({e.Message}); delete the folder to start over", ExitCodes.BadInput, e);
        }
    }

    /// <summary>
    /// The manifest for <paramref name="job"/>: the folder's, when it was made for the same job, else a new one from
    /// <paramref name="plan"/> (called under the lock, so concurrent workers plan once).
    /// </summary>
    /// <exception cref="SegmentWorkException">The folder holds work of another job or another segment count.</exception>
    public SegmentManifest OpenOrCreate(SegmentJob job, string segmentsRequested, Func<SegmentManifest> plan)
    {
        Directory.CreateDirectory(FolderPath);
        using var hold = Lock();
        if (Exists)
        {
            return OpenExisting(job, segmentsRequested, "delete the folder to start over");
        }

        var created = plan();
        Write(created);
        return created;
    }

    /// <summary>The folder's manifest, when it was made for <paramref name="job"/> and (when given) <paramref name="segmentsRequested"/>.</summary>
    /// <param name="job">The job asking.</param>
    /// <param name="segmentsRequested">What its --segments says; null = whatever the folder was made with.</param>
    /// <param name="advice">What the user can do about a mismatch, for the message.</param>
    /// <exception cref="SegmentWorkException">No manifest, an unreadable one, or one made for another job or segment count.</exception>
    public SegmentManifest OpenExisting(SegmentJob job, string? segmentsRequested, string advice)
    {
        var manifest = Read();
        if (manifest.Job.Mismatch(job) is { } reason)
        {
            throw new SegmentWorkException(FolderPath, $"{reason}; {advice}");
        }

        if (segmentsRequested is not null && manifest.SegmentsRequested != segmentsRequested)
        {
            throw new SegmentWorkException(FolderPath, $"it was made with --segments {manifest.SegmentsRequested}, now {segmentsRequested}; {advice}");
        }

        return manifest;
    }

    /// <summary>
    /// Whether segment <paramref name="entry"/> is finished: marked done, and its file there with the recorded size
    /// and SHA-256 (a file that changed or vanished is redone).
    /// </summary>
    public bool IsFinished(SegmentEntry entry)
    {
        string path = SegmentPath(entry.Index);
        if (!entry.IsDone || !File.Exists(path) || new FileInfo(path).Length != entry.Bytes)
        {
            return false;
        }

        return FileHash.Sha256(path) == entry.Sha256;
    }

    /// <summary>Moves a finished attempt into place as segment <paramref name="index"/> and records it done with its checksum.</summary>
    public void MarkDone(int index, string attempt)
    {
        string sha = FileHash.Sha256(attempt);
        long bytes = new FileInfo(attempt).Length;
        using var hold = Lock();
        File.Move(attempt, SegmentPath(index), overwrite: true);
        var manifest = Read();
        var entry = manifest.Segments.Single(s => s.Index == index);
        Write(manifest.WithSegment(entry with { Status = SegmentEntry.Done, Sha256 = sha, Bytes = bytes }));
    }

    /// <summary>Marks segment <paramref name="index"/> pending again (its file failed the check).</summary>
    public void MarkPending(int index)
    {
        using var hold = Lock();
        var manifest = Read();
        var entry = manifest.Segments.Single(s => s.Index == index);
        Write(manifest.WithSegment(entry with { Status = SegmentEntry.Pending, Sha256 = null, Bytes = null }));
    }

    /// <summary>Removes the folder (after a successful join).</summary>
    public void Delete() => Directory.Delete(FolderPath, recursive: true);

    private void Write(SegmentManifest manifest)
    {
        // A name of this writer's own, renamed over the manifest: a reader sees the old or the new one, never half.
        string temporary = Path.Combine(FolderPath, $"manifest.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, manifest.ToJson());
        File.Move(temporary, ManifestPath, overwrite: true);
    }

    private FileStream Lock()
    {
        string path = Path.Combine(FolderPath, "manifest.lock");
        var waited = Stopwatch.StartNew();
        bool said = false;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix, released when the stream closes,
                // and by the kernel when the process dies, so a killed worker never leaves the folder locked.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                if (!said && waited.Elapsed > TimeSpan.FromSeconds(2))
                {
                    Console.Error.WriteLine($"waiting for another worker's lock on {path}");
                    said = true;
                }

                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new SegmentWorkException(FolderPath, $"manifest.lock stayed locked for {LockTimeout}", ExitCodes.Unavailable, e);
            }
        }
    }
}

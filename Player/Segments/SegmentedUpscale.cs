using System.Diagnostics;
using System.Globalization;
using RealtimeSR.Player.Commands;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Segments;

/// <summary>
/// <c>upscale IN -o OUT --segments auto|N [--only K | --join]</c>: upscales a video in segments cut at keyframes,
/// each encoded on its own into the work folder (<see cref="SegmentWorkFolder"/>), then joins them into OUT without
/// re-encoding (<see cref="VideoJoiner"/>), with the source's audio and subtitles muxed once. Running it again
/// skips the finished segments (checked by checksum); workers on several machines can each do one segment.
/// </summary>
internal sealed class SegmentedUpscale(UpscaleJob job, SegmentRequest request, SegmentJob identity, TextWriter log)
{
    /// <param name="info">The probed source.</param>
    /// <param name="output">The joined file.</param>
    /// <param name="upscaler">The model.</param>
    /// <param name="cancellation">Ctrl-C: the segment in progress is abandoned (its attempt file deleted); finished ones stay.</param>
    public void Run(VideoInfo info, string output, IUpscaler upscaler, CancellationToken cancellation)
    {
        var folder = new SegmentWorkFolder(output);
        if (request.JoinOnly)
        {
            var existing = folder.OpenExisting(identity, request.Count is null ? null : request.CountText, "join with the options the segments were made with");
            Join(folder, existing, info);
            return;
        }

        var manifest = folder.OpenOrCreate(identity, request.CountText, () => Plan(info));
        var segments = manifest.Segments;
        if (request.Only is { } only && only >= segments.Count)
        {
            log.WriteLine($"segment {only}: none to do (the plan has {segments.Count} segments: the video has only that many keyframes to cut at)");
            return;
        }

        // A worker given one segment checks that one only: with hundreds of segments on a shared volume, every
        // array task hashing every finished segment would read the whole output once per task.
        var todo = request.Only is { } k ? [segments[k]] : segments;
        var finished = new HashSet<int>();
        foreach (var entry in todo)
        {
            if (folder.IsFinished(entry))
            {
                finished.Add(entry.Index);
            }
            else if (entry.IsDone)
            {
                log.WriteLine($"segment {entry.Index}: its file is missing or changed; redoing it");
                folder.MarkPending(entry.Index);
            }
        }

        int totalFrames = manifest.Timestamps.Count;
        long framesDone = segments.Where(s => request.Only is null ? finished.Contains(s.Index) : s.IsDone).Sum(s => (long)s.Frames);
        if (request.Only is { } one && finished.Contains(one))
        {
            log.WriteLine($"segment {one}: already done");
        }
        else if (request.Only is null && finished.Count > 0)
        {
            log.WriteLine($"{finished.Count} of {segments.Count} segments already done ({framesDone} of {totalFrames} frames); skipping them");
        }

        foreach (var entry in todo.Where(s => !finished.Contains(s.Index)))
        {
            cancellation.ThrowIfCancellationRequested();
            var progress = new ProgressBar($"{Path.GetFileName(info.Path)} segment {entry.Index} (0-{segments.Count - 1})", totalFrames, log, framesDone);
            string attempt = folder.AttemptPath(entry.Index);
            var clock = Stopwatch.StartNew();
            int written = job.RunSegment(info, manifest.Timestamps, entry.Range, attempt, upscaler, progress, cancellation);
            progress.End();
            folder.MarkDone(entry.Index, attempt);
            framesDone += written;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segment {entry.Index}: {written} frames in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        if (request.Only is null)
        {
            Join(folder, folder.Read(), info);
        }
    }

    private SegmentManifest Plan(VideoInfo info)
    {
        var timeBase = info.TimestampTimeBase;
        long[] timestamps = VideoProbe.ReadDecodedTimestamps(info, timeBase);
        if (timestamps.Length == 0)
        {
            throw new VideoFileException(info.Path, "has no video frames");
        }

        var duration = TimeSpan.FromSeconds((timestamps[^1] - timestamps[0]) * timeBase.ToDouble());
        int count = request.Count ?? SegmentPlan.AutoCount(duration);
        var ranges = SegmentPlan.Cut(timestamps, VideoProbe.ReadKeyframeTimestamps(info), count);
        if (ranges.Count < count)
        {
            log.WriteLine($"{ranges.Count} segments, not {count}: the video has only {ranges.Count} keyframes to cut at");
        }

        return new SegmentManifest
        {
            Job = identity,
            SegmentsRequested = request.CountText,
            TimeBase = timeBase.ToString(),
            Timestamps = timestamps,
            Segments = [.. ranges.Select(r => new SegmentEntry
            {
                Index = r.Index,
                FirstFrame = r.FirstFrame,
                Frames = r.Frames,
                FirstPts = timestamps[r.FirstFrame],
                LastPts = timestamps[r.FirstFrame + r.Frames - 1],
            })],
        };
    }

    private void Join(SegmentWorkFolder folder, SegmentManifest manifest, VideoInfo info)
    {
        var missing = manifest.Segments.Where(s => !folder.IsFinished(s)).Select(s => s.Index).ToList();
        if (missing.Count > 0)
        {
            throw new SegmentsMissingException(folder.FolderPath, missing, manifest.Segments.Count);
        }

        var clock = Stopwatch.StartNew();
        VideoJoiner.Join([.. manifest.Segments.Select(s => new VideoPart(folder.SegmentPath(s.Index), s.FirstPts))], info, folder.Output);
        folder.Delete();
        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"joined {manifest.Segments.Count} segments into {folder.Output}: {manifest.Timestamps.Count} frames ({clock.Elapsed.TotalSeconds:F1} s to join)"));
    }
}

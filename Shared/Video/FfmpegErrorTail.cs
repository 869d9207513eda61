namespace RealtimeSR.Shared.Video;

/// <summary>The last lines an ffmpeg run wrote to stderr, kept so a failure can be reported in ffmpeg's own words.</summary>
internal sealed class FfmpegErrorTail
{
    private const int KeptLines = 30;

    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line.TrimEnd('\r'));
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The kept lines.</summary>
    public string Text
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>The most telling line (the last one, which is where ffmpeg states why it stopped), or a fallback.</summary>
    public string Reason(string fallback)
    {
        lock (_lines)
        {
            return _lines.LastOrDefault(l => l.Trim().Length > 0) is { } line ? VideoProbe.WithoutContext(line.Trim()) : fallback;
        }
    }
}

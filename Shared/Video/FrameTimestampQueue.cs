using System.Buffers.Text;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Frame timestamps read from ffmpeg's <c>framecrc</c> muxer (one line per decoded frame, written to stderr beside
/// the raw frames on stdout) and handed to the reading thread in order. The pump thread adds, the reader takes; both
/// without allocating once the ring has grown to the lead ffmpeg keeps (a few frames).
/// </summary>
/// <remarks>
/// A framecrc line is <c>0,   dts,   pts, duration, size, 0xadler</c>; the header says <c>#tb 0: num/den</c>. The
/// pts are the decoder's own (best_effort_timestamp, which ffmpeg fills in for frames without one), so they stay
/// right where packets and frames do not pair up (packed B-frames, "not coded" placeholders, dropped packets).
/// </remarks>
internal sealed class FrameTimestampQueue : IStderrLineSink
{
    private readonly object _gate = new();
    private readonly Rational _timeBase;
    private long[] _ring = new long[64];
    private int _head;
    private int _count;
    private bool _completed;
    private Rational _lineTimeBase;

    /// <param name="timeBase">Time base the taken timestamps are expressed in (lines in another one are rescaled).</param>
    public FrameTimestampQueue(Rational timeBase)
    {
        _timeBase = timeBase;
        _lineTimeBase = timeBase;
    }

    /// <summary>Frame lines seen so far that could not be read as a timestamp (a malformed line means a lost frame).</summary>
    public int Malformed { get; private set; }

    /// <summary>
    /// Claim (and so not report as damage) every line before the first frame line. Set for a decode that starts with
    /// an input seek: the frames between the keyframe it lands on and the seek point are decoded only to be thrown
    /// away, and a decoder may complain about their missing references.
    /// </summary>
    public bool ClaimLinesBeforeFirstFrame { get; init; }

    private bool _sawFrame;

    public bool TryClaim(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("#tb 0: "u8))
        {
            var text = line["#tb 0: "u8.Length..];
            int slash = text.IndexOf((byte)'/');
            if (slash > 0 && Utf8Parser.TryParse(text[..slash], out long num, out int a) && a == slash
                && Utf8Parser.TryParse(text[(slash + 1)..], out long den, out int b) && b == text.Length - slash - 1 && num > 0 && den > 0)
            {
                lock (_gate)
                {
                    _lineTimeBase = new Rational(num, den);
                }
            }

            return true;
        }

        if (line.StartsWith("#"u8))
        {
            return true;
        }

        if (!line.StartsWith("0,"u8))
        {
            return ClaimLinesBeforeFirstFrame && !_sawFrame;
        }

        _sawFrame = true;

        if (!TryReadField(line, 2, out long pts))
        {
            lock (_gate)
            {
                Malformed++;
            }

            return true;
        }

        Add(pts);
        return true;
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// The next frame's timestamp in the queue's time base. False when the stream ended without one, or none came
    /// within <paramref name="timeout"/> (<paramref name="timedOut"/> says which).
    /// </summary>
    public bool TryTake(TimeSpan timeout, out long pts, out bool timedOut)
    {
        lock (_gate)
        {
            long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            while (_count == 0 && !_completed)
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_gate, TimeSpan.FromMilliseconds(left)))
                {
                    if (_count == 0 && !_completed)
                    {
                        pts = 0;
                        timedOut = true;
                        return false;
                    }
                }
            }

            timedOut = false;
            if (_count == 0)
            {
                pts = 0;
                return false;
            }

            pts = _ring[_head];
            _head = (_head + 1) % _ring.Length;
            _count--;
            return true;
        }
    }

    /// <summary>Everything still queued (after the stream ended: the whole list of a decode-only run).</summary>
    public long[] Drain()
    {
        lock (_gate)
        {
            var all = new long[_count];
            for (int i = 0; i < _count; i++)
            {
                all[i] = _ring[(_head + i) % _ring.Length];
            }

            _head = 0;
            _count = 0;
            return all;
        }
    }

    private void Add(long pts)
    {
        lock (_gate)
        {
            if (_lineTimeBase != _timeBase)
            {
                // -enc_time_base asks for the stream's own time base, so this only guards against ffmpeg choosing another.
                pts = (long)Math.Round((double)pts * _lineTimeBase.Numerator * _timeBase.Denominator / ((double)_lineTimeBase.Denominator * _timeBase.Numerator));
            }

            if (_count == _ring.Length)
            {
                // Grows only while ffmpeg runs ahead of the reader by more frames than ever before (tiny frames fit many to a pipe).
                var bigger = new long[_ring.Length * 2];
                for (int i = 0; i < _count; i++)
                {
                    bigger[i] = _ring[(_head + i) % _ring.Length];
                }

                _ring = bigger;
                _head = 0;
            }

            _ring[(_head + _count) % _ring.Length] = pts;
            _count++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Reads comma-separated field <paramref name="index"/> (0-based, spaces around it allowed) as an integer.</summary>
    private static bool TryReadField(ReadOnlySpan<byte> line, int index, out long value)
    {
        for (int i = 0; i < index; i++)
        {
            int comma = line.IndexOf((byte)',');
            if (comma < 0)
            {
                value = 0;
                return false;
            }

            line = line[(comma + 1)..];
        }

        int end = line.IndexOf((byte)',');
        var field = (end < 0 ? line : line[..end]).Trim((byte)' ');
        return Utf8Parser.TryParse(field, out value, out int used) && used == field.Length && field.Length > 0;
    }
}

using System.Diagnostics;
using System.Text;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// The decoder's ffmpeg (<see cref="VideoReader"/> and <see cref="VideoProbe.ReadDecodedTimestamps"/>) as a plain
/// child process: raw frames on stdout, and on stderr ffmpeg's messages interleaved with one <c>framecrc</c>
/// timestamp line per frame, read as bytes in the order ffmpeg wrote them. The binary is the one
/// <see cref="FfmpegBinaries"/> names, as for every other run.
/// </summary>
/// <remarks>
/// Not through FFMpegCore, which runs every other ffmpeg, for two reasons measured on that route. FFMpegCore keeps
/// every stderr line of a run until it ends (164 bytes per frame with the timestamps there, 18,006 of 18,006 lines
/// kept for a 10-minute 30 fps decode: about 18 MB an hour, without end for a live stream). And moving the
/// timestamps to a second FFMpegCore pipe loses their order against the messages: after a seek, the decoder's
/// complaints about the frames before the seek point are told from real damage only by coming before the first
/// frame's line (<see cref="FrameTimestampQueue.ClaimLinesBeforeFirstFrame"/>).
/// </remarks>
internal sealed class FfmpegProcess : IDisposable
{
    private readonly Process _process;
    private readonly FfmpegErrorTail _errors = new();
    private readonly IStderrLineSink? _sink;
    private readonly Task _stderrPump;
    private bool _disposed;

    private FfmpegProcess(Process process, IStderrLineSink? sink)
    {
        _process = process;
        _sink = sink;

        // A thread of its own with blocking reads: the pump then costs no allocation per line, which matters when
        // stderr also carries one timestamp line per frame.
        _stderrPump = Task.Factory.StartNew(PumpErrors, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    /// <summary>Starts ffmpeg with <paramref name="arguments"/>.</summary>
    /// <param name="arguments">The command line after the program's name.</param>
    /// <param name="sink">Gets every stderr line first; the lines it claims are not kept as error text.</param>
    /// <exception cref="FfmpegMissingException">ffmpeg is not installed.</exception>
    public static FfmpegProcess Start(IEnumerable<string> arguments, IStderrLineSink? sink = null)
    {
        var binaries = FfmpegBinaries.Configured;
        FfmpegBinaries.Require("ffmpeg", binaries);
        var start = new ProcessStartInfo(FfmpegBinaries.PathOf("ffmpeg", binaries))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start) ?? throw new FfmpegMissingException("ffmpeg");
            return new FfmpegProcess(process, sink);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FfmpegMissingException("ffmpeg", e);
        }
    }

    /// <summary>Waits for the process to end; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"ffmpeg did not finish within {timeout}");
        }

        _process.WaitForExit();
        _stderrPump.Wait(timeout);
        return _process.ExitCode;
    }

    /// <summary>The last lines ffmpeg wrote to stderr.</summary>
    public string ErrorText => _errors.Text;

    /// <summary>The most telling stderr line (the last one, which is where ffmpeg states why it stopped), or a fallback.</summary>
    public string Reason(string fallback) => _errors.Reason(fallback);

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private void PumpErrors()
    {
        try
        {
            var stderr = _process.StandardError.BaseStream;
            var buffer = new byte[16 * 1024];
            int filled = 0;
            int read;
            while ((read = stderr.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
                int start = 0;
                int newline;
                while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
                {
                    Line(buffer.AsSpan(start, newline));
                    start += newline + 1;
                }

                if (start == 0 && filled == buffer.Length)
                {
                    // A line longer than the buffer is no timestamp line; keep it as text in pieces.
                    Line(buffer);
                    filled = 0;
                }
                else
                {
                    buffer.AsSpan(start, filled - start).CopyTo(buffer);
                    filled -= start;
                }
            }

            if (filled > 0)
            {
                Line(buffer.AsSpan(0, filled));
            }
        }
        finally
        {
            _sink?.Complete();
        }
    }

    private void Line(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        if (_sink is not null && _sink.TryClaim(line))
        {
            return;
        }

        _errors.Add(Encoding.UTF8.GetString(line));
    }
}

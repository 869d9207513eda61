using System.Diagnostics;
using System.Text;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// One ffmpeg or ffprobe child process with its stderr drained in the background (a full stderr pipe would stall
/// ffmpeg) and its last lines kept, so a failure can be reported as ffmpeg's own one-line reason.
/// </summary>
/// <remarks>
/// A plain child process rather than FFMpegCore: the verbs need a second input (the source, for stream copy),
/// filter scripts, an exact encoder time base and, in tests, a file-size limit on the child (prlimit); all of that
/// is ffmpeg's command line, which is clearer written out than wrapped.
/// </remarks>
internal sealed class FfmpegProcess : IDisposable
{
    private const int KeptLines = 30;

    private readonly Process _process;
    private readonly Queue<string> _errorLines = new();
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

    /// <summary>The tool's name as started ("ffmpeg", "ffprobe").</summary>
    public required string Tool { get; init; }

    public Stream StandardInput => _process.StandardInput.BaseStream;

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="tool"/> with <paramref name="arguments"/>. With <paramref name="fileSizeLimit"/> the
    /// child runs under <c>prlimit --fsize</c>, so a write beyond that many bytes fails inside ffmpeg as a full
    /// disk would.
    /// </summary>
    /// <param name="tool">"ffmpeg" or "ffprobe".</param>
    /// <param name="arguments">The command line after the tool's name.</param>
    /// <param name="writeInput">Redirect stdin so the caller can write to it (the encoder's raw frames).</param>
    /// <param name="fileSizeLimit">Most bytes the child may write per file (prlimit); null = no limit.</param>
    /// <param name="sink">Gets every stderr line first; the lines it claims are not kept as error text.</param>
    /// <exception cref="FfmpegMissingException">The tool is not installed.</exception>
    public static FfmpegProcess Start(string tool, IEnumerable<string> arguments, bool writeInput, long? fileSizeLimit = null, IStderrLineSink? sink = null)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = writeInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (fileSizeLimit is { } limit)
        {
            start.FileName = "prlimit";
            start.ArgumentList.Add($"--fsize={limit}");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(tool);
        }
        else
        {
            start.FileName = tool;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start) ?? throw new FfmpegMissingException(tool);
            return new FfmpegProcess(process, sink) { Tool = tool };
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FfmpegMissingException(start.FileName, e);
        }
    }

    /// <summary>Runs <paramref name="tool"/> to the end and returns its stdout as text (ffprobe's JSON, CSV).</summary>
    public static (int ExitCode, string Output, string Error) RunToEnd(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var child = Start(tool, arguments, writeInput: false);
        Task<string> output = new StreamReader(child.StandardOutput).ReadToEndAsync();
        int exit = child.WaitForExit(timeout);
        return (exit, output.Result, child.ErrorText);
    }

    /// <summary>Waits for the process to end; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"{Tool} did not finish within {timeout}");
        }

        _process.WaitForExit();
        _stderrPump.Wait(timeout);
        return _process.ExitCode;
    }

    /// <summary>The last lines ffmpeg wrote to stderr.</summary>
    public string ErrorText
    {
        get
        {
            lock (_errorLines)
            {
                return string.Join('\n', _errorLines);
            }
        }
    }

    /// <summary>The most telling stderr line (the last one, which is where ffmpeg states why it stopped), or a fallback.</summary>
    public string Reason(string fallback)
    {
        lock (_errorLines)
        {
            return _errorLines.LastOrDefault(l => l.Trim().Length > 0) is { } line ? VideoProbe.WithoutContext(line.Trim()) : fallback;
        }
    }

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

        string text = Encoding.UTF8.GetString(line);
        lock (_errorLines)
        {
            _errorLines.Enqueue(text);
            if (_errorLines.Count > KeptLines)
            {
                _errorLines.Dequeue();
            }
        }
    }
}

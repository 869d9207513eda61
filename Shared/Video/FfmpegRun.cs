using FFMpegCore;
using FFMpegCore.Pipes;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// One ffmpeg run through FFMpegCore (the writer, the remux, the audio reader): FFMpegCore builds the command line,
/// starts the binary <see cref="FfmpegBinaries"/> names and serves the pipes; this keeps ffmpeg's last stderr lines,
/// so a failure can be reported as ffmpeg's own one-line reason, and kills the run on request.
/// </summary>
internal sealed class FfmpegRun : IDisposable
{
    private readonly FfmpegErrorTail _errors = new();
    private readonly CancellationTokenSource _kill = new();
    private readonly List<PipeHandOver> _pipes;
    private readonly Task<FFMpegResult> _run;
    private bool _disposed;

    private FfmpegRun(FFMpegArgumentProcessor processor, FFOptions binaries, IEnumerable<PipeHandOver> pipes)
    {
        _pipes = pipes.ToList();

        // No grace period: the runs read no commands from stdin (-nostdin), so FFMpegCore's "q" would go unheard.
        _run = processor
            .NotifyOnStandardError(_errors.Add)
            .CancellableThrough(_kill.Token, TimeSpan.Zero)
            .ProcessAsynchronously(throwOnError: false, binaries);
    }

    /// <summary>Starts <paramref name="processor"/>'s command with the ffmpeg in <paramref name="binaries"/>.</summary>
    /// <param name="processor">The command, built with FFMpegCore's argument builder.</param>
    /// <param name="binaries">Where ffmpeg is (<see cref="FfmpegBinaries"/>).</param>
    /// <param name="pipes">The command's pipes that hand their stream to this process's caller.</param>
    /// <exception cref="FfmpegMissingException">ffmpeg is not installed.</exception>
    public static FfmpegRun Start(FFMpegArgumentProcessor processor, FFOptions binaries, params PipeHandOver[] pipes)
    {
        FfmpegBinaries.Require("ffmpeg", binaries);
        return new FfmpegRun(processor, binaries, pipes);
    }

    /// <summary>
    /// The stream of <paramref name="pipe"/> once ffmpeg has opened it. When ffmpeg ends without opening it (a bad
    /// input or option), an empty stream for an output and a stream that refuses writes for an input, so the
    /// caller meets the failure where it would meet a closed pipe.
    /// </summary>
    public Stream Connect(PipeHandOver pipe)
    {
        Task.WaitAny(pipe.Connected, _run);
        return pipe.Connected.IsCompletedSuccessfully ? pipe.Connected.Result : new ClosedPipeStream();
    }

    /// <summary>Waits for the run to end; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        foreach (var pipe in _pipes)
        {
            pipe.Release();
        }

        // WaitAny does not throw for a faulted task: a run FFMpegCore itself failed to drive (a pipe it could not
        // serve) ends like a failed ffmpeg, with FFMpegCore's message as the reason.
        if (Task.WaitAny([_run], timeout) < 0)
        {
            Kill();
            throw new TimeoutException($"ffmpeg did not finish within {timeout}");
        }

        if (_run.IsFaulted)
        {
            _errors.Add(_run.Exception.GetBaseException().Message);
            return -1;
        }

        return _run.Result.ExitCode;
    }

    /// <summary>The last lines ffmpeg wrote to stderr.</summary>
    public string ErrorText => _errors.Text;

    /// <summary>The most telling stderr line (the last one, which is where ffmpeg states why it stopped), or a fallback.</summary>
    public string Reason(string fallback) => _errors.Reason(fallback);

    public void Kill()
    {
        if (!_run.IsCompleted)
        {
            _kill.Cancel();
        }

        foreach (var pipe in _pipes)
        {
            pipe.Release();
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
        Task.WaitAny([_run], TimeSpan.FromSeconds(5));
        _kill.Dispose();
    }

    /// <summary>What <see cref="Connect"/> gives when ffmpeg never opened the pipe: nothing to read, no room to write.</summary>
    private sealed class ClosedPipeStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("ffmpeg ended before it opened the pipe");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>
/// A pipe of an FFMpegCore command whose stream is handed to the caller's own thread (the writer writes frames as
/// they come, the audio reader reads samples as the sound queue wants them) instead of being pumped by a callback.
/// FFMpegCore keeps the pipe open until <see cref="Release"/>, which for an input is ffmpeg's end of stream.
/// </summary>
internal sealed class PipeHandOver : IPipeSink, IPipeSource
{
    private readonly string _streamArguments;
    private readonly TaskCompletionSource<Stream> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="streamArguments">ffmpeg's options for the piped stream (its format, and for raw input its size and rate).</param>
    public PipeHandOver(string streamArguments)
    {
        _streamArguments = streamArguments;
    }

    /// <summary>Completes with the pipe's stream when ffmpeg has opened it.</summary>
    public Task<Stream> Connected => _connected.Task;

    public string GetStreamArguments() => _streamArguments;

    public Task ReadAsync(Stream inputStream, CancellationToken cancellationToken) => HandOver(inputStream);

    public Task WriteAsync(Stream outputStream, CancellationToken cancellationToken) => HandOver(outputStream);

    /// <summary>The caller is done with the stream; FFMpegCore may close the pipe.</summary>
    public void Release() => _released.TrySetResult();

    private Task HandOver(Stream stream)
    {
        _connected.TrySetResult(stream);
        return _released.Task;
    }
}

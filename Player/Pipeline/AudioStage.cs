using System.Runtime.InteropServices;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Feeds a file's audio, from a start time on, to an SDL audio queue on its own thread ("audio"), keeping about
/// <see cref="LeadSeconds"/> queued ahead of the device. Its <see cref="PositionSeconds"/> is the audio clock:
/// start + everything queued − what is still queued. After the audio ends it queues silence, so the clock keeps
/// running to the end of the video. A decoding failure faults <see cref="Completion"/>; the render loop reports it.
/// Allocation-free per chunk.
/// </summary>
public sealed class AudioStage : IAudioPosition
{
    /// <summary>Audio kept queued ahead: enough to ride out a busy moment on 2 cores, short enough for quick volume changes.</summary>
    public const double LeadSeconds = 0.25;

    /// <summary>Sample frames decoded per read (~21 ms at 48 kHz).</summary>
    private const int ChunkFrames = 1024;

    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(10);

    private readonly AudioReader _reader;
    private readonly SdlAudioOutput _output;
    private readonly double _startSeconds;
    private readonly float[] _chunk;
    private readonly CancellationTokenSource _stop = new();
    private readonly StageThread _thread;
    private readonly object _gate = new();
    private long _framesQueued;

    /// <param name="info">The probed file (must have an audio stream).</param>
    /// <param name="output">An F32 device opened with the stream's rate and channels; not owned.</param>
    /// <param name="startSeconds">Media time to start at (seconds from the first video frame).</param>
    /// <param name="videoOriginSeconds">The first video frame's timestamp in seconds: media time 0 on the file's clock,
    /// so the sound lines up with the pictures even when the streams start at different times.</param>
    public AudioStage(VideoInfo info, SdlAudioOutput output, double startSeconds, double videoOriginSeconds)
    {
        _reader = new AudioReader(info, null, videoOriginSeconds + Math.Max(0, startSeconds));
        if (output.SampleRate != _reader.SampleRate || output.Channels != _reader.Channels)
        {
            _reader.Dispose();
            throw new ArgumentException(
                $"the device plays {output.SampleRate} Hz × {output.Channels}, the stream is {_reader.SampleRate} Hz × {_reader.Channels}", nameof(output));
        }

        _output = output;
        _startSeconds = Math.Max(0, startSeconds);
        _chunk = new float[ChunkFrames * _reader.Channels];
        _thread = new StageThread("audio", Loop);
    }

    public Task Completion => _thread.Completion;

    /// <inheritdoc />
    public double PositionSeconds
    {
        get
        {
            lock (_gate)
            {
                double queuedSeconds = (double)_output.QueuedBytes / (_output.BytesPerFrame * _output.SampleRate);
                return _startSeconds + (double)_framesQueued / _output.SampleRate - queuedSeconds;
            }
        }
    }

    public void Start() => _thread.Start();

    /// <summary>Stops the thread and the decoder; what is already queued stays (clear the device after a seek).</summary>
    public void Stop()
    {
        _stop.Cancel();
        _thread.Join(JoinTimeout);
        _reader.Dispose();
        _stop.Dispose();
    }

    private void Loop()
    {
        bool ended = false;
        int channels = _reader.Channels;
        double leadBytes = LeadSeconds * _output.SampleRate * _output.BytesPerFrame;
        while (!_stop.IsCancellationRequested)
        {
            if (_output.QueuedBytes >= leadBytes)
            {
                _stop.Token.WaitHandle.WaitOne(IdleWait);
                continue;
            }

            int samples = ended ? 0 : _reader.Read(_chunk);
            if (samples == 0)
            {
                // Past the end: silence keeps the device, and so the clock, going until the video ends.
                ended = true;
                Array.Clear(_chunk);
                samples = _chunk.Length;
            }

            lock (_gate)
            {
                _output.Queue(MemoryMarshal.AsBytes(_chunk.AsSpan(0, samples)));
                _framesQueued += samples / channels;
            }
        }
    }
}

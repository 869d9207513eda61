using System.Globalization;
using System.Runtime.InteropServices;
using FFMpegCore;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Decodes one audio stream with ffmpeg (through FFMpegCore) to interleaved 32-bit float PCM in [-1, 1] at the
/// stream's own sample rate and channel count (what an SDL audio queue opened with those values takes). Not
/// thread-safe: one reading thread.
/// </summary>
public sealed class AudioReader : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How far before the start time an input seek goes (seconds); atrim does the exact cut.</summary>
    private const double SeekMargin = 2;

    private readonly FfmpegRun _ffmpeg;
    private readonly PipeHandOver _samples;
    private Stream? _output;
    private bool _finished;

    /// <summary>Starts decoding <paramref name="stream"/> of the file <paramref name="info"/> describes.</summary>
    /// <param name="info">The probed file.</param>
    /// <param name="stream">One of <see cref="VideoInfo.AudioStreams"/>; the first when null.</param>
    /// <param name="startTime">
    /// Timestamp (seconds on the file's own clock, as the streams' pts say) of the first sample to hand out; null =
    /// the stream's first sample. Given, the sound is aligned to that clock: a stream that starts later is led in by
    /// silence, one that started earlier is cut, and gaps in its timestamps are filled — so that sample n plays at
    /// startTime + n / rate, in step with video frames timed on the same clock.
    /// </param>
    /// <exception cref="VideoFileException">The file has no audio stream.</exception>
    public AudioReader(VideoInfo info, AudioStreamInfo? stream = null, double? startTime = null)
    {
        Stream = stream ?? info.AudioStreams.FirstOrDefault() ?? throw new VideoFileException(info.Path, "has no audio stream");
        if (Stream.SampleRate < 1 || Stream.Channels < 1)
        {
            throw new VideoFileException(info.Path, $"audio stream {Stream.Index} has no usable rate/channels ({Stream.SampleRate} Hz, {Stream.Channels} ch)");
        }

        Path = info.Path;
        var input = new List<string> { "-v error -nostdin" };
        string? align = null;
        if (startTime is { } t)
        {
            // -copyts keeps the stream's own timestamps. An input seek with -copyts lands on a packet boundary (it
            // does not trim), so it only gets near (SeekMargin before); atrim cuts at t exactly, and aresample pads
            // the front with silence when the stream starts after t (first_pts is in samples) and keeps to the
            // timestamps after that (async), as a player's clock expects.
            input.Add("-copyts");
            if (t - SeekMargin > 0)
            {
                // A custom argument: FFMpegCore's Seek takes a TimeSpan, -seek_timestamp has no builder.
                input.Add(string.Create(CultureInfo.InvariantCulture, $"-seek_timestamp 1 -ss {t - SeekMargin:R}"));
            }

            string trim = t > 0 ? string.Create(CultureInfo.InvariantCulture, $"atrim=start={t:R},") : "";
            align = string.Create(CultureInfo.InvariantCulture, $"{trim}aresample=async=1:first_pts={(long)Math.Round(t * Stream.SampleRate)}");
        }

        _samples = new PipeHandOver("-f f32le");
        var command = FFMpegArguments
            .FromFileInput(info.Path, verifyExists: false, options => input.ForEach(a => options.WithCustomArgument(a)))
            .OutputToPipe(_samples, options =>
            {
                // A custom argument: FFMpegCore maps a stream by its index among its type, ffprobe gave the file's index.
                options.WithCustomArgument(string.Create(CultureInfo.InvariantCulture, $"-map 0:{Stream.Index}"));
                if (align is not null)
                {
                    // A custom argument: FFMpegCore's audio filter builder has no atrim or aresample.
                    options.WithCustomArgument($"-af {align}");
                }

                // A custom argument: WithAudioCodec needs a Codec, which FFMpegCore makes only by listing ffmpeg's
                // codecs in a run of its own.
                options.WithCustomArgument("-c:a pcm_f32le")
                    .WithAudioSamplingRate(Stream.SampleRate)
                    .WithAudioChannels(Stream.Channels);
            });
        _ffmpeg = FfmpegRun.Start(command, FfmpegBinaries.Configured, _samples);
    }

    public string Path { get; }

    public AudioStreamInfo Stream { get; }

    public int SampleRate => Stream.SampleRate;

    public int Channels => Stream.Channels;

    /// <summary>
    /// Fills <paramref name="samples"/> with interleaved samples (channel 0, 1, …, then the next instant) and returns
    /// how many it wrote, always whole sample frames (a multiple of <see cref="Channels"/>); 0 at the end.
    /// </summary>
    /// <exception cref="VideoFileException">ffmpeg failed to decode the audio.</exception>
    public int Read(Span<float> samples)
    {
        if (_finished)
        {
            return 0;
        }

        int wanted = samples.Length - samples.Length % Channels;
        var bytes = MemoryMarshal.AsBytes(samples[..wanted]);
        _output ??= _ffmpeg.Connect(_samples);
        int read = _output.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        int whole = read / (sizeof(float) * Channels) * Channels;
        if (read < bytes.Length)
        {
            _finished = true;
            int exit = _ffmpeg.WaitForExit(ExitTimeout);
            if (exit != 0)
            {
                throw new VideoFileException(Path, $"audio decoding failed ({_ffmpeg.Reason($"ffmpeg exit code {exit}")})");
            }
        }

        return whole;
    }

    public void Dispose() => _ffmpeg.Dispose();
}

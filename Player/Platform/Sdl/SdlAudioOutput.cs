using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>
/// An SDL audio device fed by queueing interleaved PCM (<c>SDL_QueueAudio</c>), in exactly the format given (SDL
/// converts to the hardware's). The number of bytes still queued gives the audio clock: the presentation time of
/// the last queued sample minus <see cref="QueuedDuration"/> is what is being heard now. Volume and mute are applied
/// to the samples as they are queued, so a change is heard after what is already queued (typically well under a
/// second). The device starts paused; call <see cref="Resume"/>.
/// </summary>
/// <remarks>
/// The driver comes from <c>SDL_AUDIODRIVER</c> as native code sees it; on Linux set it with
/// <see cref="Posix.NativeEnvironment.Set"/> (e.g. <c>disk</c> with <c>SDL_DISKAUDIOFILE</c> for tests), because
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach libc there.
/// </remarks>
public sealed class SdlAudioOutput : IDisposable
{
    private readonly uint _device;
    private byte[] _scratch = [];
    private bool _audioInitialised;
    private bool _disposed;

    /// <summary>Opens the default output device (or <paramref name="deviceName"/>).</summary>
    /// <param name="sampleRate">Frames per second, e.g. 48000.</param>
    /// <param name="channels">Interleaved channels, 1–8.</param>
    /// <param name="format">Sample format of the PCM passed to <see cref="Queue"/>.</param>
    /// <param name="deviceName">An SDL device name, or null for the default.</param>
    /// <exception cref="SdlException">No audio driver or device, with SDL's reason.</exception>
    public SdlAudioOutput(int sampleRate, int channels, PcmFormat format, string? deviceName = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 8);
        NativeLibraryResolver.EnsureRegistered();
        SampleRate = sampleRate;
        Channels = channels;
        Format = format;
        BytesPerFrame = channels * (format == PcmFormat.S16 ? 2 : 4);

        if (SdlLibrary.InitSubSystem(SdlNative.InitAudio) < 0)
        {
            throw SdlException.FromLastError("SDL_InitSubSystem(AUDIO)");
        }

        _audioInitialised = true;
        var desired = new SdlAudioSpec
        {
            Frequency = sampleRate,
            Format = format == PcmFormat.S16 ? SdlNative.AudioS16Lsb : SdlNative.AudioF32Lsb,
            Channels = (byte)channels,
            // ~21 ms at 48 kHz: small enough for a responsive clock, large enough not to underrun on 2 busy cores.
            Samples = 1024,
        };

        // allowedChanges = 0: SDL converts from our format to the device's, so what we queue is what we said.
        _device = SdlNative.SDL_OpenAudioDevice(deviceName, 0, ref desired, out _, 0);
        if (_device == 0)
        {
            var error = SdlException.FromLastError("SDL_OpenAudioDevice");
            Dispose();
            throw error;
        }
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public PcmFormat Format { get; }

    /// <summary>Bytes of one frame (one sample of every channel).</summary>
    public int BytesPerFrame { get; }

    /// <summary>Gain applied when queuing, in [0, 1]; 1 queues the samples unchanged.</summary>
    public float Volume { get; private set; } = 1f;

    /// <summary>When true, silence of the same length is queued instead (so the audio clock keeps running).</summary>
    public bool Muted { get; set; }

    public bool Paused { get; private set; } = true;

    /// <summary>The SDL audio driver in use, e.g. "pulseaudio", "alsa" or "disk".</summary>
    public static string Driver => Marshal.PtrToStringUTF8(SdlNative.SDL_GetCurrentAudioDriver()) ?? "none";

    /// <summary>Bytes queued and not yet handed to the device.</summary>
    public long QueuedBytes => SdlNative.SDL_GetQueuedAudioSize(Device);

    /// <summary>Play time of what is still queued.</summary>
    public TimeSpan QueuedDuration => TimeSpan.FromSeconds((double)QueuedBytes / (BytesPerFrame * SampleRate));

    private uint Device => !_disposed ? _device : throw new ObjectDisposedException(nameof(SdlAudioOutput));

    /// <summary>Sets the volume, clamped to [0, 1]; returns the value in effect.</summary>
    public float SetVolume(float volume)
    {
        Volume = float.IsNaN(volume) ? Volume : Math.Clamp(volume, 0f, 1f);
        return Volume;
    }

    /// <summary>Changes the volume by <paramref name="delta"/> (e.g. ±0.1), clamped; returns the value in effect.</summary>
    public float AdjustVolume(float delta) => SetVolume(Volume + delta);

    /// <summary>Queues interleaved PCM in <see cref="Format"/>; length must be whole frames. Never blocks.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="BytesPerFrame"/>.</exception>
    public void Queue(ReadOnlySpan<byte> pcm)
    {
        if (pcm.Length % BytesPerFrame != 0)
        {
            throw new ArgumentException(
                $"{pcm.Length} bytes is not a whole number of {BytesPerFrame}-byte frames", nameof(pcm));
        }

        if (pcm.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<byte> queued = pcm;
        if (Muted || Volume < 1f)
        {
            if (_scratch.Length < pcm.Length)
            {
                _scratch = new byte[pcm.Length];
            }

            Span<byte> scaled = _scratch.AsSpan(0, pcm.Length);
            if (Muted)
            {
                scaled.Clear();
            }
            else
            {
                ApplyGain(pcm, scaled, Format, Volume);
            }

            queued = scaled;
        }

        if (SdlNative.SDL_QueueAudio(Device, ref MemoryMarshal.GetReference(queued), (uint)queued.Length) < 0)
        {
            throw SdlException.FromLastError("SDL_QueueAudio");
        }
    }

    /// <summary>Drops everything queued (after a seek).</summary>
    public void Clear() => SdlNative.SDL_ClearQueuedAudio(Device);

    public void Pause()
    {
        SdlNative.SDL_PauseAudioDevice(Device, 1);
        Paused = true;
    }

    public void Resume()
    {
        SdlNative.SDL_PauseAudioDevice(Device, 0);
        Paused = false;
    }

    public void Dispose()
    {
        if (!_disposed && _device != 0)
        {
            SdlNative.SDL_CloseAudioDevice(_device);
        }

        _disposed = true;
        if (_audioInitialised)
        {
            SdlNative.SDL_QuitSubSystem(SdlNative.InitAudio);
            _audioInitialised = false;
        }
    }

    /// <summary>Scales every sample by <paramref name="gain"/> (S16 rounded half away from zero and clamped).</summary>
    internal static void ApplyGain(ReadOnlySpan<byte> source, Span<byte> target, PcmFormat format, float gain)
    {
        if (format == PcmFormat.S16)
        {
            for (int i = 0; i < source.Length; i += 2)
            {
                short sample = BinaryPrimitives.ReadInt16LittleEndian(source[i..]);
                double value = Math.Round(sample * (double)gain, MidpointRounding.AwayFromZero);
                BinaryPrimitives.WriteInt16LittleEndian(target[i..], (short)Math.Clamp(value, short.MinValue, short.MaxValue));
            }
        }
        else
        {
            for (int i = 0; i < source.Length; i += 4)
            {
                float sample = BinaryPrimitives.ReadSingleLittleEndian(source[i..]);
                BinaryPrimitives.WriteSingleLittleEndian(target[i..], sample * gain);
            }
        }
    }
}

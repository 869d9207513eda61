using System.Buffers.Binary;
using System.Diagnostics;
using RealtimeSR.Player.Platform;
using RealtimeSR.Player.Platform.Posix;
using RealtimeSR.Player.Platform.Sdl;

namespace RealtimeSR.Tests.Player.Platform;

/// <summary>
/// SDL audio through its "disk" driver, which writes what the device would play to SDL_DISKAUDIOFILE: what comes out
/// must be the queued PCM, sample for sample (after whatever silence the paused device wrote first).
/// </summary>
[Collection(SdlCollection.Name)]
public sealed class SdlAudioOutputTests : IDisposable
{
    private const int Rate = 48000;
    private const int Channels = 2;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly TempFolder _folder = new();
    private readonly string _file;

    public SdlAudioOutputTests()
    {
        _file = _folder.File("out.raw");
        NativeEnvironment.Set("SDL_AUDIODRIVER", "disk");
        NativeEnvironment.Set("SDL_DISKAUDIOFILE", _file);
    }

    [Fact]
    public void Queue_DiskDriver_FileHoldsQueuedPcmSampleExact()
    {
        byte[] pcm = Tone(frames: 9600);

        byte[] written = PlayThrough(pcm, output => { });

        Assert.Equal(pcm, Played(written, pcm.Length));
    }

    [Fact]
    public void Queue_HalfVolume_WritesHalvedSamples()
    {
        byte[] pcm = Tone(frames: 4800);
        byte[] expected = new byte[pcm.Length];
        for (int i = 0; i < pcm.Length; i += 2)
        {
            short sample = BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(i));
            BinaryPrimitives.WriteInt16LittleEndian(expected.AsSpan(i), (short)Math.Round(sample / 2.0, MidpointRounding.AwayFromZero));
        }

        byte[] written = PlayThrough(pcm, output => output.SetVolume(0.5f));

        Assert.Equal(expected, Played(written, pcm.Length));
    }

    [Fact]
    public void Queue_Muted_WritesOnlySilenceButKeepsClock()
    {
        byte[] pcm = Tone(frames: 4800);
        long queuedAfterQueue = 0;

        byte[] written = PlayThrough(pcm, output => output.Muted = true, queued => queuedAfterQueue = queued);

        Assert.Equal(pcm.Length, queuedAfterQueue);
        Assert.All(written, b => Assert.Equal(0, b));
        Assert.True(written.Length >= pcm.Length, $"{written.Length} bytes written");
    }

    [Fact]
    public void Queue_PartialFrame_ThrowsArgumentException()
    {
        using var output = new SdlAudioOutput(Rate, Channels, PcmFormat.S16);

        Assert.Throws<ArgumentException>(() => output.Queue(new byte[6]));
    }

    [Fact]
    public void AdjustVolume_BeyondRange_Clamps()
    {
        using var output = new SdlAudioOutput(Rate, Channels, PcmFormat.F32);

        Assert.Equal(1f, output.AdjustVolume(0.3f));
        Assert.Equal(0f, output.AdjustVolume(-5f));
        Assert.Equal(0.1f, output.AdjustVolume(0.1f), 6);
        Assert.Equal(8, output.BytesPerFrame);
    }

    [Fact]
    public void Set_Variable_IsVisibleToNativeGetenv()
    {
        NativeEnvironment.Set("RTSR_TEST_VARIABLE", "value 1");
        Assert.Equal("value 1", NativeEnvironment.Get("RTSR_TEST_VARIABLE"));
        NativeEnvironment.Set("RTSR_TEST_VARIABLE", null);
        Assert.Null(NativeEnvironment.Get("RTSR_TEST_VARIABLE"));
    }

    [Fact]
    public void ApplyGain_F32_ScalesEverySample()
    {
        byte[] source = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(source.AsSpan(0), 0.5f);
        BinaryPrimitives.WriteSingleLittleEndian(source.AsSpan(4), -1f);
        byte[] target = new byte[8];

        SdlAudioOutput.ApplyGain(source, target, PcmFormat.F32, 0.25f);

        Assert.Equal(0.125f, BinaryPrimitives.ReadSingleLittleEndian(target.AsSpan(0)));
        Assert.Equal(-0.25f, BinaryPrimitives.ReadSingleLittleEndian(target.AsSpan(4)));
    }

    [Fact]
    public void ApplyGain_S16OddValues_RoundsHalfAwayFromZero()
    {
        byte[] source = new byte[4];
        BinaryPrimitives.WriteInt16LittleEndian(source.AsSpan(0), 3);
        BinaryPrimitives.WriteInt16LittleEndian(source.AsSpan(2), short.MinValue);
        byte[] target = new byte[4];

        SdlAudioOutput.ApplyGain(source, target, PcmFormat.S16, 0.5f);

        Assert.Equal(2, BinaryPrimitives.ReadInt16LittleEndian(target.AsSpan(0)));
        Assert.Equal(-16384, BinaryPrimitives.ReadInt16LittleEndian(target.AsSpan(2)));
    }

    [Fact]
    public void Message_EmptySdlError_SaysNoReasonOnOneLine()
    {
        var error = new SdlException("SDL_CreateWindow", string.Empty);

        Assert.Equal("SDL: SDL_CreateWindow failed: no reason given", error.Message);
    }

    public void Dispose()
    {
        NativeEnvironment.Set("SDL_AUDIODRIVER", null);
        NativeEnvironment.Set("SDL_DISKAUDIOFILE", null);
        _folder.Dispose();
    }

    /// <summary>Opens the disk device, queues <paramref name="pcm"/>, plays until drained, closes; returns the file.</summary>
    private byte[] PlayThrough(byte[] pcm, Action<SdlAudioOutput> configure, Action<long>? afterQueue = null)
    {
        using (var output = new SdlAudioOutput(Rate, Channels, PcmFormat.S16))
        {
            Assert.Equal("disk", SdlAudioOutput.Driver);
            configure(output);
            output.Queue(pcm);
            Assert.Equal(pcm.Length, output.QueuedBytes);
            afterQueue?.Invoke(output.QueuedBytes);
            Assert.Equal(TimeSpan.FromSeconds((double)pcm.Length / (4 * Rate)), output.QueuedDuration);
            output.Resume();
            var deadline = Stopwatch.StartNew();
            while (output.QueuedBytes > 0 && deadline.Elapsed < DrainTimeout)
            {
                Thread.Sleep(10);
            }

            Assert.Equal(0, output.QueuedBytes);
        }

        // Closing the device joined its thread, so the file is complete.
        return File.ReadAllBytes(_file);
    }

    /// <summary>The played part: from the first non-silent byte, <paramref name="length"/> bytes; silence after it.</summary>
    private static byte[] Played(byte[] written, int length)
    {
        int start = Array.FindIndex(written, b => b != 0);
        Assert.True(start >= 0, "the file holds only silence");
        Assert.Equal(0, start % 4);
        Assert.True(written.Length >= start + length, $"{written.Length} bytes written, PCM starts at {start}");
        Assert.All(written[(start + length)..], b => Assert.Equal(0, b));
        return written[start..(start + length)];
    }

    /// <summary>A stereo S16 tone whose first sample is non-zero in its low byte (so the start can be found).</summary>
    private static byte[] Tone(int frames)
    {
        var pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++)
        {
            short left = (short)(1001 + 12000 * Math.Sin(2 * Math.PI * 440 * i / Rate));
            short right = (short)(-999 + 8000 * Math.Sin(2 * Math.PI * 660 * i / Rate));
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(4 * i), left);
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(4 * i + 2), right);
        }

        return pcm;
    }
}

using System.Runtime.InteropServices;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>SDL 2's <c>SDL_AudioSpec</c>; a null callback selects the queueing API (<c>SDL_QueueAudio</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SdlAudioSpec
{
    public int Frequency;
    public ushort Format;
    public byte Channels;
    public byte Silence;
    public ushort Samples;
    public ushort Padding;
    public uint Size;
    public IntPtr Callback;
    public IntPtr UserData;
}

using System.Runtime.InteropServices;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>
/// SDL 2's <c>SDL_Event</c> union (56 bytes). Only the members the player reads or injects are named; offsets are
/// those of <c>SDL_KeyboardEvent</c>, <c>SDL_MouseMotionEvent</c>, <c>SDL_MouseButtonEvent</c>,
/// <c>SDL_MouseWheelEvent</c> and <c>SDL_WindowEvent</c> in SDL_events.h (common header: type, timestamp, windowID).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 56)]
internal struct SdlEvent
{
    public const uint Quit = 0x100;
    public const uint WindowEvent = 0x200;
    public const uint KeyDown = 0x300;
    public const uint MouseMotion = 0x400;
    public const uint MouseButtonDown = 0x401;
    public const uint MouseButtonUp = 0x402;
    public const uint MouseWheel = 0x403;

    public const byte WindowEventSizeChanged = 6;
    public const byte Pressed = 1;
    public const int WheelFlipped = 1;

    /// <summary>KMOD_LCTRL.</summary>
    public const int LeftControlModifier = 0x0040;

    /// <summary>KMOD_LCTRL | KMOD_RCTRL.</summary>
    public const int ControlModifiers = LeftControlModifier | 0x0080;

    [FieldOffset(0)]
    public uint Type;

    [FieldOffset(4)]
    public uint Timestamp;

    [FieldOffset(8)]
    public uint WindowId;

    /// <summary>Key: state; mouse button: unused here; window event: the event id.</summary>
    [FieldOffset(12)]
    public byte Byte12;

    /// <summary>Key: non-zero when the key is held and this is an auto-repeat.</summary>
    [FieldOffset(13)]
    public byte Byte13;

    /// <summary>Mouse motion/button/wheel: <c>which</c> (mouse instance).</summary>
    [FieldOffset(12)]
    public uint Which;

    /// <summary>Key: scancode; mouse button: button (low byte); wheel: x; window: data1.</summary>
    [FieldOffset(16)]
    public int Int16;

    /// <summary>Mouse button: state (pressed/released).</summary>
    [FieldOffset(17)]
    public byte Byte17;

    /// <summary>Mouse button: click count.</summary>
    [FieldOffset(18)]
    public byte Byte18;

    /// <summary>Key: keycode (sym); motion/button: x; wheel: y; window: data2.</summary>
    [FieldOffset(20)]
    public int Int20;

    /// <summary>Motion/button: y; wheel: direction; key: modifier state (low 16 bits).</summary>
    [FieldOffset(24)]
    public int Int24;

    /// <summary>Wheel (SDL ≥ 2.0.18): <c>preciseY</c>, fractional steps from smooth-scrolling devices.</summary>
    [FieldOffset(32)]
    public float Float32;

    /// <summary>Wheel (SDL ≥ 2.26): pointer x at the time of the wheel event.</summary>
    [FieldOffset(36)]
    public int Int36;

    /// <summary>Wheel (SDL ≥ 2.26): pointer y at the time of the wheel event.</summary>
    [FieldOffset(40)]
    public int Int40;
}

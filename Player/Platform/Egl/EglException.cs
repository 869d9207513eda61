using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Platform.Egl;

/// <summary>An EGL call failed; carries the function and EGL's error code (name and hex).</summary>
public sealed class EglException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public EglException(string function, int errorCode)
        : base($"EGL: {function} failed: {Name(errorCode)} (0x{errorCode:X4})")
    {
        Function = function;
        ErrorCode = errorCode;
    }

    private EglException(string function, string reason, Exception inner)
        : base($"EGL: {function} failed: {reason}", inner)
    {
        Function = function;
    }

    public string Function { get; }

    /// <summary>The value of <c>eglGetError()</c> right after the failure.</summary>
    public int ErrorCode { get; }

    internal static EglException FromLastError(string function) => new(function, EglNative.eglGetError());

    /// <summary>libEGL itself could not be loaded (not installed, or too old).</summary>
    internal static EglException LibraryMissing(Exception inner) =>
        new("loading libEGL", $"{inner.Message} (install libegl1 and libegl-mesa0)", inner);

    private static string Name(int code) => code switch
    {
        0x3000 => "EGL_SUCCESS (no error recorded)",
        0x3001 => "EGL_NOT_INITIALIZED",
        0x3002 => "EGL_BAD_ACCESS",
        0x3003 => "EGL_BAD_ALLOC",
        0x3004 => "EGL_BAD_ATTRIBUTE",
        0x3005 => "EGL_BAD_CONFIG",
        0x3006 => "EGL_BAD_CONTEXT",
        0x3007 => "EGL_BAD_CURRENT_SURFACE",
        0x3008 => "EGL_BAD_DISPLAY",
        0x3009 => "EGL_BAD_MATCH",
        0x300C => "EGL_BAD_PARAMETER",
        0x300D => "EGL_BAD_SURFACE",
        _ => "unknown EGL error",
    };
}

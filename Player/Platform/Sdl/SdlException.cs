using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>An SDL call failed; the message carries the function and SDL's own reason (<c>SDL_GetError</c>).</summary>
public sealed class SdlException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public SdlException(string function, string sdlError)
        : base($"SDL: {function} failed: {(sdlError.Length > 0 ? sdlError : "no reason given")}")
    {
        Function = function;
        SdlError = sdlError;
    }

    /// <summary>The SDL function that failed, e.g. <c>SDL_CreateWindow</c>.</summary>
    public string Function { get; }

    /// <summary>SDL's error text at the time of the failure.</summary>
    public string SdlError { get; }

    /// <summary>An exception for <paramref name="function"/> with SDL's current error text.</summary>
    internal static SdlException FromLastError(string function) => new(function, SdlNative.LastError());

    /// <summary>The SDL2 library itself could not be loaded.</summary>
    internal static SdlException LibraryMissing(DllNotFoundException inner) =>
        new("loading SDL2", $"{inner.Message} (install libsdl2-2.0-0, or put SDL2.dll beside the player on Windows)");
}

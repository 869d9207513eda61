namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>The first contact with SDL2: a missing library becomes an <see cref="SdlException"/> with the fix.</summary>
internal static class SdlLibrary
{
    /// <summary><c>SDL_InitSubSystem</c> (reference-counted by SDL; pair with <c>SDL_QuitSubSystem</c>).</summary>
    /// <exception cref="SdlException">libSDL2 cannot be loaded.</exception>
    public static int InitSubSystem(uint flags)
    {
        NativeLibraryResolver.EnsureRegistered();
        try
        {
            return SdlNative.SDL_InitSubSystem(flags);
        }
        catch (DllNotFoundException e)
        {
            throw SdlException.LibraryMissing(e);
        }
    }
}

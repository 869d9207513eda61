namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Reads GLSL sources from the Shaders folder that the build copies beside the executable (one file per stage of
/// each pass; see Shaders/README.md).
/// </summary>
public sealed class ShaderLibrary
{
    /// <param name="directory">Folder holding the .vert/.frag files; null = Shaders/ beside the executable.</param>
    public ShaderLibrary(string? directory = null)
    {
        Directory = directory ?? Path.Combine(AppContext.BaseDirectory, "Shaders");
    }

    public string Directory { get; }

    /// <summary>The text of <paramref name="fileName"/> (e.g. "bicubic.frag").</summary>
    /// <exception cref="ShaderFileException">The file is missing or unreadable.</exception>
    public string Load(string fileName)
    {
        string path = Path.Combine(Directory, fileName);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShaderFileException(path, e is FileNotFoundException or DirectoryNotFoundException
                ? "shader file not found (is the player installation complete?)"
                : $"cannot read the shader ({e.Message})", e);
        }
    }

    /// <summary>Compiles and links the program made of <paramref name="vertexFile"/> and <paramref name="fragmentFile"/>.</summary>
    public GlProgram Program(Silk.NET.OpenGL.GL gl, string vertexFile, string fragmentFile) =>
        new(gl, Load(vertexFile), vertexFile, Load(fragmentFile), fragmentFile);
}

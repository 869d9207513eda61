using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>A linked GLSL program (vertex + fragment). Compile and link errors throw with the driver's info log.</summary>
public sealed class GlProgram : IDisposable
{
    private readonly GL gl;
    private uint handle;

    /// <exception cref="GlShaderException">A stage failed to compile, or the program failed to link.</exception>
    public GlProgram(GL gl, string vertexSource, string vertexName, string fragmentSource, string fragmentName)
    {
        this.gl = gl;
        Name = $"{vertexName}+{fragmentName}";
        uint vertex = Compile(ShaderType.VertexShader, vertexSource, vertexName, "vertex");
        uint fragment;
        try
        {
            fragment = Compile(ShaderType.FragmentShader, fragmentSource, fragmentName, "fragment");
        }
        catch
        {
            gl.DeleteShader(vertex);
            throw;
        }

        handle = gl.CreateProgram();
        gl.AttachShader(handle, vertex);
        gl.AttachShader(handle, fragment);
        gl.LinkProgram(handle);
        gl.DetachShader(handle, vertex);
        gl.DetachShader(handle, fragment);
        gl.DeleteShader(vertex);
        gl.DeleteShader(fragment);
        gl.GetProgram(handle, ProgramPropertyARB.LinkStatus, out int linked);
        if (linked == 0)
        {
            string log = gl.GetProgramInfoLog(handle);
            gl.DeleteProgram(handle);
            handle = 0;
            throw new GlShaderException(Name, "link", log);
        }
    }

    /// <summary>"vertexFile+fragmentFile", for messages.</summary>
    public string Name { get; }

    public void Use() => gl.UseProgram(Handle);

    /// <summary>The location of an active uniform.</summary>
    /// <exception cref="GlException">The program has no active uniform of that name (a typo, or optimised away).</exception>
    public int Uniform(string name)
    {
        int location = gl.GetUniformLocation(Handle, name);
        return location >= 0 ? location : throw new GlException($"program {Name} has no active uniform '{name}'");
    }

    private uint Handle => handle != 0 ? handle : throw new ObjectDisposedException(Name);

    public void Dispose()
    {
        if (handle != 0)
        {
            gl.DeleteProgram(handle);
            handle = 0;
        }
    }

    private uint Compile(ShaderType type, string source, string name, string stage)
    {
        uint shader = gl.CreateShader(type);
        gl.ShaderSource(shader, source);
        gl.CompileShader(shader);
        gl.GetShader(shader, ShaderParameterName.CompileStatus, out int compiled);
        if (compiled == 0)
        {
            string log = gl.GetShaderInfoLog(shader);
            gl.DeleteShader(shader);
            throw new GlShaderException(name, stage, log);
        }

        return shader;
    }
}

using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>A linked GLSL program (vertex + fragment). Compile and link errors throw with the driver's info log.</summary>
public sealed class GlProgram : IDisposable
{
    private readonly GL _gl;
    private uint _handle;

    /// <exception cref="GlShaderException">A stage failed to compile, or the program failed to link.</exception>
    public GlProgram(GL gl, string vertexSource, string vertexName, string fragmentSource, string fragmentName)
    {
        _gl = gl;
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

        _handle = gl.CreateProgram();
        gl.AttachShader(_handle, vertex);
        gl.AttachShader(_handle, fragment);
        gl.LinkProgram(_handle);
        gl.DetachShader(_handle, vertex);
        gl.DetachShader(_handle, fragment);
        gl.DeleteShader(vertex);
        gl.DeleteShader(fragment);
        gl.GetProgram(_handle, ProgramPropertyARB.LinkStatus, out int linked);
        if (linked == 0)
        {
            string log = gl.GetProgramInfoLog(_handle);
            gl.DeleteProgram(_handle);
            _handle = 0;
            throw new GlShaderException(Name, "link", log);
        }
    }

    /// <summary>"vertexFile+fragmentFile", for messages.</summary>
    public string Name { get; }

    public void Use() => _gl.UseProgram(Handle);

    /// <summary>The location of an active uniform.</summary>
    /// <exception cref="GlException">The program has no active uniform of that name (a typo, or optimised away).</exception>
    public int Uniform(string name)
    {
        int location = _gl.GetUniformLocation(Handle, name);
        return location >= 0 ? location : throw new GlException($"program {Name} has no active uniform '{name}'");
    }

    private uint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(Name);

    public void Dispose()
    {
        if (_handle != 0)
        {
            _gl.DeleteProgram(_handle);
            _handle = 0;
        }
    }

    private uint Compile(ShaderType type, string source, string name, string stage)
    {
        uint shader = _gl.CreateShader(type);
        _gl.ShaderSource(shader, source);
        _gl.CompileShader(shader);
        _gl.GetShader(shader, ShaderParameterName.CompileStatus, out int compiled);
        if (compiled == 0)
        {
            string log = _gl.GetShaderInfoLog(shader);
            _gl.DeleteShader(shader);
            throw new GlShaderException(name, stage, log);
        }

        return shader;
    }
}

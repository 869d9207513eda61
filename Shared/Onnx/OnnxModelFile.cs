using Google.Protobuf;
using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// Reads and writes ONNX model files (<see cref="ModelProto"/> protobuf). Failures caused by the file become
/// <see cref="ModelFileException"/> with one line naming it.
/// </summary>
public static class OnnxModelFile
{
    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable, or not an ONNX model.</exception>
    public static ModelProto Read(string path) => Parse(ReadBytes(path), path);

    /// <summary>Reads the raw bytes of <paramref name="path"/> (ONNX Runtime takes the model as bytes).</summary>
    /// <exception cref="ModelFileException">The file is missing or unreadable.</exception>
    public static byte[] ReadBytes(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModelFileException(path, $"model file not found: {path}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, $"cannot read model file: {path} ({OneLine.Of(e.Message)})", e);
        }
    }

    /// <summary>
    /// Parses ONNX protobuf bytes. <paramref name="source"/> (a path or a name) is only used in messages.
    /// </summary>
    /// <exception cref="ModelFileException">The bytes are not an ONNX model.</exception>
    public static ModelProto Parse(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new ModelFileException(source, $"not an ONNX model: {source} (empty file)");
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelFileException(source, $"not an ONNX model: {source} ({OneLine.Of(e.Message)})", e);
        }

        // Protobuf is lenient: many byte strings parse as a message made of unknown fields. A real model has
        // an IR version and a graph.
        if (model.IrVersion <= 0 || model.Graph is null)
        {
            var missing = model.IrVersion <= 0 ? "no ir_version" : "no graph";
            throw new ModelFileException(source, $"not an ONNX model: {source} ({missing})");
        }

        return model;
    }

    /// <summary>Serialises <paramref name="model"/> to ONNX protobuf bytes.</summary>
    public static byte[] ToBytes(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.ToByteArray();
    }

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="path"/>, replacing an existing file. It is written to
    /// a temporary name in the same folder and renamed, so a reader (a player watching the file, a crash in the
    /// middle) never sees half a model.
    /// </summary>
    /// <exception cref="ModelFileException">The file cannot be written.</exception>
    public static void Write(ModelProto model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var temp = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                model.WriteTo(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ModelFileException(path, $"cannot write model file: {path} ({OneLine.Of(e.Message)})", e);
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed and is being reported; a leftover temp file is the lesser problem.
        }
    }
}

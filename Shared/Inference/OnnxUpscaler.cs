namespace RealtimeSR.Shared.Inference;

/// <summary>Runs an ONNX SR model through one <see cref="SrSession"/> (allocation-free per call once warm).</summary>
public sealed class OnnxUpscaler : IUpscaler
{
    private readonly SrSession _session;

    /// <param name="session">The session; owned and disposed by this upscaler.</param>
    /// <param name="name">Name for tables, usually the model file's name.</param>
    public OnnxUpscaler(SrSession session, string name)
    {
        _session = session;
        Name = name;
    }

    public string Name { get; }

    public int Scale => _session.Scale;

    public string ExecutionProvider => _session.ExecutionProvider.ToString().ToLowerInvariant();

    public int Threads => _session.IntraOpThreads;

    public bool AllowSpinning => _session.Options.AllowSpinning;

    public SrSession Session => _session;

    public void Upscale(ReadOnlySpan<float> lr, int width, int height, Span<float> sr) => _session.Run(lr, height, width, sr);

    public void Dispose() => _session.Dispose();
}

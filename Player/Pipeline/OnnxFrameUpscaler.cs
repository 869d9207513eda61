using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>Runs an ONNX SR model through one <see cref="SrSession"/> (allocation-free per frame once warm).</summary>
public sealed class OnnxFrameUpscaler : IFrameUpscaler
{
    private readonly SrSession _session;

    /// <param name="session">The session; owned and disposed by this upscaler.</param>
    /// <param name="name">Name for tables, usually the model file's name.</param>
    public OnnxFrameUpscaler(SrSession session, string name)
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

    public void Upscale(VideoFrame lr, VideoFrame sr) => _session.Run(lr.Pixels, lr.Height, lr.Width, sr.Pixels);

    public void Dispose() => _session.Dispose();
}

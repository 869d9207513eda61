namespace RealtimeSR.Player.Pipeline;

/// <summary>What an evidence snapshot records about how its pictures were made: the source file and the method.</summary>
/// <param name="SourcePath">The video played.</param>
/// <param name="ModelPath">The ONNX model file; null for bicubic.</param>
/// <param name="ModelName">"bicubic" or the model file's name.</param>
/// <param name="Scale">SR factor.</param>
/// <param name="ExecutionProvider">Where the model ran: "cpu", "cuda" or "none".</param>
public sealed record EvidenceSource(string SourcePath, string? ModelPath, string ModelName, int Scale, string ExecutionProvider);

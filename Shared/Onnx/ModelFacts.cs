namespace RealtimeSR.Shared.Onnx;

/// <summary>What <see cref="ModelContract.Validate"/> learned about a model that meets the contract.</summary>
/// <param name="Scale">
/// Upscaling factor declared by the model card, or null when the model has no card scale (then the session
/// measures it by running the model once).
/// </param>
/// <param name="Card">The model card, or null when the model carries no <c>rtsr.*</c> metadata.</param>
/// <param name="Opset">The imported opset version of the default ONNX domain (17 or newer).</param>
/// <param name="IrVersion">The model's ONNX IR version.</param>
public sealed record ModelFacts(int? Scale, ModelCard? Card, long Opset, long IrVersion);

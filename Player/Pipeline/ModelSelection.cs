using RealtimeSR.Shared.Inference;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The models the inference stage can run, all loaded and of one scale, and which one it runs next. The render
/// thread selects (a key press); the inference thread reads the selection once per frame and stamps the SR frame with
/// the index it used (<c>VideoFrame.ModelIndex</c>), so the label always names the model that made the pixels shown.
/// </summary>
public sealed class ModelSelection
{
    private int _selected;

    /// <param name="models">At least one; not owned. They must share a scale: the SR frames' size is fixed.</param>
    /// <exception cref="ArgumentException">None given, or their scales differ.</exception>
    public ModelSelection(IReadOnlyList<IUpscaler> models)
    {
        if (models.Count == 0)
        {
            throw new ArgumentException("no models", nameof(models));
        }

        if (models.Any(m => m.Scale != models[0].Scale))
        {
            throw new ArgumentException(
                "the models to switch between must share a scale: " + string.Join(", ", models.Select(m => $"{m.Name} x{m.Scale}")), nameof(models));
        }

        Models = models;
    }

    /// <summary>One model, nothing to switch (bench, upscale).</summary>
    public static ModelSelection Of(IUpscaler model) => new([model]);

    public IReadOnlyList<IUpscaler> Models { get; }

    public int Scale => Models[0].Scale;

    /// <summary>Index of the model the next frame is upscaled with.</summary>
    public int Selected => Volatile.Read(ref _selected);

    public IUpscaler Current => Models[Selected];

    /// <summary>Selects the next model in the list (after the last, the first again) and returns its index.</summary>
    public int SelectNext()
    {
        int next = (Selected + 1) % Models.Count;
        Volatile.Write(ref _selected, next);
        return next;
    }
}

using RealtimeSR.Trainer.Models;

namespace RealtimeSR.Trainer.Training;

/// <summary>Loads VGG19 feature weights (a TorchSharp state dict with torchvision's names) for SRGAN's content loss.</summary>
internal static class VggWeights
{
    public static Vgg19Features Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CheckpointException(path, "VGG19 weights not found");
        }

        var vgg = new Vgg19Features();
        var loaded = new Dictionary<string, bool>();
        try
        {
            // Not strict: a full VGG19 state dict also holds the classifier, which the content loss does not use.
            vgg.load(path, strict: false, loadedParameters: loaded);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
        {
            vgg.Dispose();
            throw new CheckpointException(path, $"not a TorchSharp VGG19 state dict ({e.Message.Split('\n')[0]})", e);
        }

        string[] missing = vgg.state_dict().Keys.Where(k => !loaded.GetValueOrDefault(k)).ToArray();
        if (missing.Length > 0)
        {
            vgg.Dispose();
            throw new CheckpointException(path, $"lacks VGG19 weights {string.Join(", ", missing.Take(3))}{(missing.Length > 3 ? ", …" : "")}");
        }

        return vgg;
    }
}

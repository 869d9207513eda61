using RealtimeSR.Tests.Onnx;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>Writes the tiny test SR network (built by code, random weights) to a file for the verbs to load.</summary>
internal static class TinyModelFile
{
    public static string Write(string folder, int scale = 2)
    {
        string path = Path.Combine(folder, $"tiny-x{scale}.onnx");
        File.WriteAllBytes(path, TestModels.SuperResolutionBytes(TinySrWeights.Random(scale), TestModels.Card(scale)));
        return path;
    }
}

using System.Text.Json;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Player.Pipeline;

public sealed class EvidenceSnapshotTests
{
    [Fact]
    public void Write_ThreePictures_PngsEqualThePicturesAndTheSidecarTiesThemToSourceAndMethod()
    {
        using var temp = new TempFolder();
        string source = temp.File("camera.mp4");
        File.WriteAllBytes(source, [1, 2, 3]);
        string model = temp.File("m.onnx");
        File.WriteAllBytes(model, [4, 5, 6, 7]);
        var lr = TestImages.Pattern(8, 6, seed: 1);
        var bicubic = TestImages.Pattern(16, 12, seed: 2);
        var sr = TestImages.Pattern(16, 12, seed: 3);
        var view = new ViewState(ViewMode.Side).WithView(2, 0.5, 0.5);

        string sidecar = EvidenceSnapshot.Write(
            temp.Path, new EvidenceSource(source, model, "m.onnx", 2, "cpu"), 42, 1.4, view, (4, 3, 8, 6),
            (lr.ToRange(PixelRange.Unit), bicubic.ToRange(PixelRange.Unit), sr.ToRange(PixelRange.Unit)));

        Assert.Equal(temp.File("rtsr-evidence-000042.json"), sidecar);
        using var json = JsonDocument.Parse(File.ReadAllText(sidecar));
        var root = json.RootElement;
        Assert.Equal(source, root.GetProperty("source").GetProperty("file").GetString());
        Assert.Equal(42, root.GetProperty("source").GetProperty("frameIndex").GetInt64());
        Assert.Equal(1.4, root.GetProperty("source").GetProperty("ptsSeconds").GetDouble());
        Assert.Equal(FileHash.Sha256(model), root.GetProperty("method").GetProperty("modelSha256").GetString());
        Assert.Equal("cpu", root.GetProperty("method").GetProperty("executionProvider").GetString());
        Assert.Equal(2, root.GetProperty("method").GetProperty("scale").GetInt32());
        Assert.Equal(2, root.GetProperty("view").GetProperty("zoom").GetDouble());
        Assert.Equal(8, root.GetProperty("view").GetProperty("shownRegion").GetProperty("width").GetInt32());
        var pictures = root.GetProperty("pictures").EnumerateArray().ToList();
        Assert.Equal(["source", "bicubic", "sr"], pictures.Select(p => p.GetProperty("role").GetString()));
        foreach (var (entry, expected) in pictures.Zip(new[] { lr, bicubic, sr }))
        {
            string png = temp.File(entry.GetProperty("file").GetString()!);
            Assert.Equal(FileHash.Sha256(png), entry.GetProperty("sha256").GetString());
            Assert.Equal(expected.Planes, ImageFile.Load(png).Planes);
        }

        Assert.Empty(Directory.GetFiles(temp.Path, "*.part.*"));
    }
}

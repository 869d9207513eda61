using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Saves the frame on screen as evidence: the source frame, its bicubic upscale and the SR frame as PNGs
/// (<c>rtsr-evidence-NNNNNN-source.png</c>, <c>-bicubic.png</c>, <c>-sr.png</c>, NNNNNN = frame index) and a JSON
/// sidecar (<c>rtsr-evidence-NNNNNN.json</c>) that ties them to their source and method: the file, frame index and
/// PTS, the model file and its SHA-256, scale, execution provider, the view (mode, zoom, the SR-pixel region shown),
/// and the SHA-256 of each PNG as written. Every file is written under a temporary name and renamed when complete.
/// </summary>
public static class EvidenceSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes the snapshot into <paramref name="folder"/> and returns the sidecar's path.</summary>
    /// <param name="folder">Where the files go (must exist).</param>
    /// <param name="source">The source file and the method.</param>
    /// <param name="frameIndex">Index of the frame in the video (0-based, decoding order of output).</param>
    /// <param name="ptsSeconds">Its presentation time.</param>
    /// <param name="view">How it was shown.</param>
    /// <param name="shownRegion">The part of the SR picture on screen (SR pixels).</param>
    /// <param name="pictures">The source (LR), bicubic and SR pictures, CHW in [0, 1].</param>
    public static string Write(
        string folder, EvidenceSource source, long frameIndex, double ptsSeconds, ViewState view, (int X, int Y, int Width, int Height) shownRegion,
        (Image Source, Image Bicubic, Image Sr) pictures)
    {
        string stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"rtsr-evidence-{frameIndex:D6}"));
        var files = new JsonArray();
        foreach (var (role, picture) in new[] { ("source", pictures.Source), ("bicubic", pictures.Bicubic), ("sr", pictures.Sr) })
        {
            string path = $"{stem}-{role}.png";
            ImageFile.Save(picture, path);
            files.Add(new JsonObject
            {
                ["role"] = role,
                ["file"] = Path.GetFileName(path),
                ["width"] = picture.Width,
                ["height"] = picture.Height,
                ["sha256"] = FileHash.Sha256(path),
            });
        }

        var sidecar = new JsonObject
        {
            ["source"] = new JsonObject
            {
                ["file"] = File.Exists(source.SourcePath) ? Path.GetFullPath(source.SourcePath) : source.SourcePath,
                ["bytes"] = File.Exists(source.SourcePath) ? new FileInfo(source.SourcePath).Length : null,
                ["frameIndex"] = frameIndex,
                ["ptsSeconds"] = ptsSeconds,
            },
            ["method"] = new JsonObject
            {
                ["model"] = source.ModelName,
                ["modelFile"] = source.ModelPath is null ? null : Path.GetFullPath(source.ModelPath),
                ["modelSha256"] = source.ModelPath is null ? null : FileHash.Sha256(source.ModelPath),
                ["scale"] = source.Scale,
                ["executionProvider"] = source.ExecutionProvider,
                ["bicubic"] = "Keys a = -0.5, separable, clamped edges, on the GPU in float",
            },
            ["view"] = new JsonObject
            {
                ["mode"] = view.Mode.ToString().ToLowerInvariant(),
                ["zoom"] = view.Zoom,
                ["centerX"] = view.CenterX,
                ["centerY"] = view.CenterY,
                ["shownRegion"] = new JsonObject
                {
                    ["x"] = shownRegion.X,
                    ["y"] = shownRegion.Y,
                    ["width"] = shownRegion.Width,
                    ["height"] = shownRegion.Height,
                },
            },
            ["pictures"] = files,
            ["writtenUtc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        string json = stem + ".json";
        AtomicFile.WriteAllText(json, sidecar.ToJsonString(Json));
        return json;
    }
}

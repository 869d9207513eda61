using RealtimeSR.Shared;
using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Data;

/// <summary>
/// The training pictures, decoded once and held in memory as [0, 255] images (T91 + 150 BSDS200 is about
/// 300 MB as float). Pictures smaller than a crop and unreadable files are left out and counted.
/// </summary>
internal sealed class TrainingImageSet
{
    private TrainingImageSet(IReadOnlyList<Image> images, IReadOnlyList<string> files, int tooSmall, IReadOnlyList<string> unreadable)
    {
        Images = images;
        Files = files;
        TooSmall = tooSmall;
        Unreadable = unreadable;
    }

    public IReadOnlyList<Image> Images { get; }

    public IReadOnlyList<string> Files { get; }

    public int TooSmall { get; }

    /// <summary>One line per file that could not be decoded.</summary>
    public IReadOnlyList<string> Unreadable { get; }

    /// <summary>Loads every listed file that decodes and is at least <paramref name="minSize"/> on both sides.</summary>
    public static TrainingImageSet Load(IEnumerable<string> files, int minSize)
    {
        var images = new List<Image>();
        var kept = new List<string>();
        var unreadable = new List<string>();
        int tooSmall = 0;
        foreach (string file in files)
        {
            Image image;
            try
            {
                image = ImageFile.Load(file);
            }
            catch (ImageFileException e)
            {
                unreadable.Add(e.Message);
                continue;
            }

            if (image.Width < minSize || image.Height < minSize)
            {
                tooSmall++;
                continue;
            }

            images.Add(image);
            kept.Add(file);
        }

        if (images.Count == 0)
        {
            throw new TrainingDataException($"no usable training images (of {kept.Count + tooSmall + unreadable.Count} files: " +
                                            $"{tooSmall} smaller than {minSize} px, {unreadable.Count} unreadable)");
        }

        return new TrainingImageSet(images, kept, tooSmall, unreadable);
    }

    /// <summary>
    /// Every PNG/BMP/JPEG file under the folders (recursively), in a stable order; a <c>.json</c> list written by
    /// <c>prepare</c> counts as the files it names.
    /// </summary>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> folders)
    {
        var files = new List<string>();
        foreach (string folder in folders)
        {
            if (ImageList.IsListFile(folder))
            {
                files.AddRange(ImageList.Read(folder));
                continue;
            }

            if (!Directory.Exists(folder))
            {
                throw new TrainingDataException($"{folder}: training data folder not found");
            }

            files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(ImageFile.IsImagePath)
                .Order(StringComparer.Ordinal));
        }

        return files;
    }
}

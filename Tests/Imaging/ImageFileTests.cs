using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Tests.Imaging;

public class ImageFileTests
{
    [Theory]
    [InlineData("png")]
    [InlineData("bmp")]
    public void SaveThenLoad_LosslessFormat_SamePixels(string extension)
    {
        using var temp = new TempFolder();
        Image original = TestImages.Noise(13, 7, seed: 5);
        string path = temp.File("noise." + extension);

        ImageFile.Save(original, path);
        Image loaded = ImageFile.Load(path);

        Assert.Equal(13, loaded.Width);
        Assert.Equal(7, loaded.Height);
        Assert.Equal(PixelRange.Byte, loaded.Range);
        Assert.False(loaded.IsSingleChannelSource);
        Assert.Equal(original.Planes, loaded.Planes);
        Assert.Equal([path], Directory.GetFiles(temp.Path)); // no temporary left behind
    }

    [Fact]
    public void SaveThenLoad_Jpeg_CloseToOriginal()
    {
        using var temp = new TempFolder();
        Image original = TestImages.Pattern(32, 24);
        string path = temp.File("pattern.jpg");

        ImageFile.Save(original, path);
        Image loaded = ImageFile.Load(path);

        double maxError = original.Planes.Zip(loaded.Planes, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(maxError, 0, 40);
    }

    [Fact]
    public void Load_GreyPng_RepeatsChannelAndRemembersIt()
    {
        using var temp = new TempFolder();
        Image grey = TestImages.Noise(9, 5, seed: 2);
        grey.Plane(1).Clear();
        var source = new Image(9, 5, PixelRange.Byte, isSingleChannelSource: true);
        for (int c = 0; c < Image.Channels; c++)
        {
            grey.ReadPlane(0).CopyTo(source.Plane(c));
        }

        string path = temp.File("grey.png");
        ImageFile.Save(source, path);
        Image loaded = ImageFile.Load(path);

        Assert.True(loaded.IsSingleChannelSource);
        Assert.Equal(loaded.ReadPlane(0).ToArray(), loaded.ReadPlane(1).ToArray());
        Assert.Equal(loaded.ReadPlane(0).ToArray(), loaded.ReadPlane(2).ToArray());
        Assert.Equal(grey.ReadPlane(0).ToArray(), loaded.ReadPlane(0).ToArray());
    }

    [Fact]
    public void Load_MissingFile_SaysFileNotFound()
    {
        var error = Assert.Throws<ImageFileException>(() => ImageFile.Load("/nonexistent/missing.png"));

        Assert.Equal("/nonexistent/missing.png: file not found", error.Message);
    }

    [Fact]
    public void Load_CorruptFile_NamesFileInOneLine()
    {
        using var temp = new TempFolder();
        string path = temp.File("corrupt.png");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];
        File.WriteAllBytes(path, png);

        var error = Assert.Throws<ImageFileException>(() => ImageFile.Load(path));

        Assert.StartsWith(path + ": not a readable", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Save_UnknownExtension_ThrowsAndWritesNothing()
    {
        using var temp = new TempFolder();
        string path = temp.File("picture.gif");

        var error = Assert.Throws<UsageException>(() => ImageFile.Save(TestImages.Pattern(4, 4), path));

        Assert.Contains(".gif", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Save_UnitRangeImage_QuantisesToBytes()
    {
        using var temp = new TempFolder();
        var image = new Image(2, 1, PixelRange.Unit);
        image.Planes.AsSpan().Fill(0.5f);
        string path = temp.File("half.png");

        ImageFile.Save(image, path);

        Assert.All(ImageFile.Load(path).Planes, v => Assert.Equal(128f, v)); // 127.5 rounds away from zero
    }
}

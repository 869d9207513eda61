using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Tests.Imaging;

public class MatlabResizeTests
{
    public static TheoryData<string, int> MatlabPairs()
    {
        var data = new TheoryData<string, int>();
        foreach (string set in new[] { "Set5", "Set14" })
        {
            foreach (int scale in new[] { 2, 3, 4 })
            {
                data.Add(set, scale);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(MatlabPairs))]
    public void Downscale_MatlabBenchmarkPairs_EveryPixelEqual(string set, int scale)
    {
        string folder = SharedData.Require("matlab_lr", set, $"x{scale}");
        string[] hrFiles = Directory.GetFiles(folder, "*_HR.png").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(hrFiles);

        foreach (string hrPath in hrFiles)
        {
            Image hr = ImageFile.Load(hrPath);
            Image expected = ImageFile.Load(hrPath.Replace("_HR.png", "_LR.png", StringComparison.Ordinal));

            Image actual = MatlabResize.Downscale(hr, scale);

            Assert.Equal(expected.Width, actual.Width);
            Assert.Equal(expected.Height, actual.Height);
            int different = 0;
            for (int i = 0; i < expected.Planes.Length; i++)
            {
                if (expected.Planes[i] != actual.Planes[i])
                {
                    different++;
                }
            }

            Assert.True(different == 0, $"{Path.GetFileName(hrPath)}: {different} of {expected.Planes.Length} samples differ");
        }
    }
}

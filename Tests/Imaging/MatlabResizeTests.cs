using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Trainer.Evaluation;

namespace RealtimeSR.Tests.Imaging;

public class MatlabResizeTests
{
    /// <summary>
    /// SHA-256 of MATLAB's <c>imresize</c> LR pictures of the benchmark sets (the MATLAB-made pairs of SelfExSR, in
    /// the shared data folder's <c>matlab_lr</c>), over every sample of every picture in file-name order, as
    /// <see cref="Image.Planes"/> hold them. The pairs' HR pictures are exactly the sets shipped in media/sets cropped
    /// to a multiple of the scale, so the test needs no data beyond the repository.
    /// </summary>
    public static TheoryData<string, int, string> MatlabLr() => new()
    {
        { "Set5", 2, "3806d7fd377246bfdbe1899d989fc6578dbc4a29248f7921d1781cb2cb6f7dad" },
        { "Set5", 3, "d833493734244b36a403ef6501f3db37e117140960617cdd41af89413424352f" },
        { "Set5", 4, "192ed8772f4fe0e75ba8f0091c540ca96c10e476439bf99e33934e32af3624f7" },
        { "Set14", 2, "1e5f7b55e595099f0ed6e777a99d7c615a19694404426cf03577e633412ea19c" },
        { "Set14", 3, "ec24cc2abc34a4cfa976ea5187488a2cf1af08bd5d9b754d5663572b5e33f508" },
        { "Set14", 4, "8203ba83a4e690452540af3becf2c39c2ae268c57947c0511eefea28e7a87c9b" },
    };

    [Theory]
    [MemberData(nameof(MatlabLr))]
    public void Downscale_BenchmarkSets_EqualMatlabsImresizeInEverySample(string set, int scale, string matlabSha256)
    {
        var lr = ShippedHr(set, scale).Select(hr => MatlabResize.Downscale(hr, scale));

        Assert.Equal(matlabSha256, Sha256(lr));
    }

    /// <summary>The set's shipped HR pictures in file-name order, cropped to a multiple of <paramref name="scale"/> (the pairs' HR).</summary>
    internal static IEnumerable<Image> ShippedHr(string set, int scale) =>
        BenchmarkSet.Named(set, dataRoot: null).Files.Order(StringComparer.Ordinal).Select(f => ImageFile.Load(f).CropToMultipleOf(scale));

    /// <summary>SHA-256 (lower-case hex) of the pictures' samples, one after the other.</summary>
    internal static string Sha256(IEnumerable<Image> pictures)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (Image picture in pictures)
        {
            hash.AppendData(MemoryMarshal.AsBytes(picture.Planes.AsSpan()));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}

using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class FramePoolTests
{
    [Fact]
    public void Rent_AfterReturn_ReusesTheFrame()
    {
        using var pool = new FramePool(8, 4, capacity: 2);
        var first = pool.Rent(CancellationToken.None);
        first.Return();

        var second = pool.Rent(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, pool.Created);
        Assert.Equal(3 * 8 * 4, second.Pixels.Length);
    }

    [Fact]
    public void TryRent_AllOut_GivesNullAfterTimeout()
    {
        using var pool = new FramePool(2, 2, capacity: 1);
        _ = pool.Rent(CancellationToken.None);

        Assert.Null(pool.TryRent(TimeSpan.FromMilliseconds(20)));
        Assert.Equal(1, pool.Outstanding);
    }

    [Fact]
    public void Return_FrameOfAnotherPool_Throws()
    {
        using var a = new FramePool(2, 2, 1);
        using var b = new FramePool(2, 2, 1);
        var frame = a.Rent(CancellationToken.None);

        Assert.Throws<ArgumentException>(() => b.Return(frame));
    }
}

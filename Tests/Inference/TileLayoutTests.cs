using RealtimeSR.Shared.Inference;
using Xunit;

namespace RealtimeSR.Tests.Inference;

public sealed class TileLayoutTests
{
    [Theory]
    [InlineData(0, 16, 4)]
    [InlineData(16, 10, 4)]
    [InlineData(16, 16, 7)]
    public void Axis_FitsInOneTile_OneSpanCoveringAll(int tile, int length, int overlap)
    {
        Assert.Equal([new TileSpan(0, 0, length)], TileLayout.Axis(length, tile, overlap));
    }

    [Fact]
    public void Axis_AnyLengthLongerThanTile_WritesPartitionAxisWithOverlapContext()
    {
        foreach (var (tile, overlap) in new[] { (16, 4), (8, 2), (11, 5), (5, 0), (3, 1) })
        {
            for (var length = tile + 1; length < 80; length++)
            {
                var spans = TileLayout.Axis(length, tile, overlap);
                var at = 0;
                foreach (var span in spans)
                {
                    Assert.Equal(at, span.WriteFrom);
                    Assert.True(span.WriteTo > span.WriteFrom);
                    Assert.InRange(span.Start, 0, length - tile);
                    // Every inner edge of the written part has at least `overlap` pixels of context in the tile.
                    Assert.True(span.WriteFrom == 0 || span.WriteFrom - span.Start >= overlap);
                    Assert.True(span.WriteTo == length || span.Start + tile - span.WriteTo >= overlap);
                    Assert.True(span.WriteFrom >= span.Start && span.WriteTo <= span.Start + tile);
                    at = span.WriteTo;
                }

                Assert.Equal(length, at);
            }
        }
    }

    [Fact]
    public void Create_FrameLargerThanTile_AllTilesSameSize()
    {
        var layout = TileLayout.Create(height: 37, width: 9, tile: 16, overlap: 4);

        Assert.Equal(16, layout.TileHeight);
        Assert.Equal(9, layout.TileWidth);
        Assert.Single(layout.Columns);
        // Writes [0,12) [12,20) [20,28), then the last tile moves back to start at 21 and writes [28,37).
        Assert.Equal([0, 8, 16, 21], layout.Rows.Select(r => r.Start));
    }
}

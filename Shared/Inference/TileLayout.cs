namespace RealtimeSR.Shared.Inference;

/// <summary>
/// How a frame is cut into tiles: rows × columns of <see cref="TileSpan"/>, all tiles the same size so one set
/// of preallocated tensors serves them all. Edge tiles are shifted inward rather than shrunk; the written parts
/// partition the frame exactly.
/// </summary>
internal sealed class TileLayout
{
    private TileLayout(int height, int width, TileSpan[] rows, TileSpan[] columns, int tileHeight, int tileWidth)
    {
        Height = height;
        Width = width;
        Rows = rows;
        Columns = columns;
        TileHeight = tileHeight;
        TileWidth = tileWidth;
    }

    /// <summary>Frame height in LR pixels.</summary>
    public int Height { get; }

    /// <summary>Frame width in LR pixels.</summary>
    public int Width { get; }

    /// <summary>Tiles along the height.</summary>
    public TileSpan[] Rows { get; }

    /// <summary>Tiles along the width.</summary>
    public TileSpan[] Columns { get; }

    /// <summary>Height of every tile (the frame's when it fits in one tile).</summary>
    public int TileHeight { get; }

    /// <summary>Width of every tile (the frame's when it fits in one tile).</summary>
    public int TileWidth { get; }

    /// <summary>Lays out a <paramref name="height"/>×<paramref name="width"/> frame; <paramref name="tile"/> 0 means one tile.</summary>
    public static TileLayout Create(int height, int width, int tile, int overlap) =>
        new(height, width, Axis(height, tile, overlap), Axis(width, tile, overlap),
            tile == 0 ? height : Math.Min(tile, height), tile == 0 ? width : Math.Min(tile, width));

    /// <summary>
    /// Tiles of length <paramref name="tile"/> along an axis of <paramref name="length"/>: each tile after the
    /// first starts <paramref name="overlap"/> before the part it writes, and each before the last writes up to
    /// <paramref name="overlap"/> before its end. The last tile is moved back to end at the frame edge, which only
    /// gives it more context.
    /// </summary>
    public static TileSpan[] Axis(int length, int tile, int overlap)
    {
        if (tile == 0 || length <= tile)
        {
            return [new TileSpan(0, 0, length)];
        }

        var spans = new List<TileSpan>();
        int start = 0, writeFrom = 0;
        while (start + tile < length)
        {
            var writeTo = start + tile - overlap;
            spans.Add(new TileSpan(start, writeFrom, writeTo));
            writeFrom = writeTo;
            start = writeFrom - overlap;
        }

        spans.Add(new TileSpan(length - tile, writeFrom, length));
        return [.. spans];
    }
}

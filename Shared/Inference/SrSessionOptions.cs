using Microsoft.ML.OnnxRuntime;

namespace RealtimeSR.Shared.Inference;

/// <summary>How an <see cref="SrSession"/> runs its model. Immutable; checked once by <see cref="Validate"/>.</summary>
public sealed record SrSessionOptions
{
    /// <summary>Overlap used when none is given: wider than the receptive-field edge effect of the shipped models at
    /// the tile sizes that make sense on a CPU, at the cost of recomputing 2×16 px per tile seam.</summary>
    public const int DefaultTileOverlap = 16;

    /// <summary>Where to run; <see cref="ExecutionProvider.Auto"/> falls back to CPU when CUDA does not load.</summary>
    public ExecutionProvider ExecutionProvider { get; init; } = ExecutionProvider.Auto;

    /// <summary>
    /// Threads ONNX Runtime uses inside one operator; 0 means one per core this process may run on
    /// (<see cref="Environment.ProcessorCount"/>, which follows CPU affinity and container limits). ONNX Runtime's
    /// own default counts physical cores as its CPU library sees them and left one of the two cores here idle.
    /// </summary>
    public int IntraOpThreads { get; init; }

    /// <summary>The thread count a session is made with: <see cref="IntraOpThreads"/>, or the usable cores for 0.</summary>
    public int ResolvedIntraOpThreads => IntraOpThreads > 0 ? IntraOpThreads : Environment.ProcessorCount;

    /// <summary>
    /// Largest tile side in LR pixels; 0 runs the whole frame at once. Tiling bounds memory (large frames on a
    /// GPU) at the price of recomputing the overlaps.
    /// </summary>
    public int Tile { get; init; }

    /// <summary>
    /// LR pixels of context each tile reads beyond the part it writes, on every inner side. The stitched output
    /// equals the untiled output when this is at least the model's receptive-field radius. Must be less than
    /// half of <see cref="Tile"/>.
    /// </summary>
    public int TileOverlap { get; init; } = DefaultTileOverlap;

    /// <summary>
    /// Whether ONNX Runtime's intra-op threads spin after a run waiting for more work. Spinning lowers latency
    /// for back-to-back runs but burns the cores that decode, render and encode need, so the pipelined verbs
    /// turn it off (session config <c>session.intra_op.allow_spinning</c> = "0").
    /// </summary>
    public bool AllowSpinning { get; init; } = true;

    /// <summary>Graph optimisation level; all optimisations by default.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending option, with its value.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(ExecutionProvider))
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutionProvider), ExecutionProvider, "unknown execution provider");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(Tile);
        ArgumentOutOfRangeException.ThrowIfNegative(TileOverlap);
        if (Tile > 0 && Tile <= 2 * TileOverlap)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Tile), Tile, $"tile must be larger than twice the overlap ({TileOverlap}) so each tile writes something");
        }
    }
}

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Where a pipeline's decode stage gets its frames: a file (<see cref="VideoReader"/>) or a live stream
/// (<see cref="Live.LiveVideoReader"/>). One reading thread.
/// </summary>
public interface IFrameReader
{
    /// <summary>Width of the frames handed out.</summary>
    int Width { get; }

    /// <summary>Height of the frames handed out.</summary>
    int Height { get; }

    /// <summary>
    /// Decodes the next frame into <paramref name="frame"/> (<see cref="Width"/> × <see cref="Height"/>) and stamps its
    /// index, PTS and timeline. Returns false after the last frame.
    /// </summary>
    /// <param name="frame">Where the frame goes.</param>
    /// <param name="cancellation">Ends a wait for the next frame (a live source waits while it reconnects).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired during a wait.</exception>
    bool Read(VideoFrame frame, CancellationToken cancellation);
}

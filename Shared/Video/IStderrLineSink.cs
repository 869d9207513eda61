namespace RealtimeSR.Shared.Video;

/// <summary>
/// Receives an ffmpeg child's stderr line by line as bytes, on the pump thread, so a second output written to
/// <c>pipe:2</c> (frame timestamps) can be read without a string per line. Lines it does not claim stay ffmpeg's
/// error text (<see cref="FfmpegProcess.ErrorText"/>).
/// </summary>
internal interface IStderrLineSink
{
    /// <summary>Takes <paramref name="line"/> (no line break) if it is the sink's; false leaves it as error text.</summary>
    bool TryClaim(ReadOnlySpan<byte> line);

    /// <summary>stderr has ended (ffmpeg exited or closed it); no more lines will come.</summary>
    void Complete();
}

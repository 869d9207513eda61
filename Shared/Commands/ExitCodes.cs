namespace RealtimeSR.Shared.Commands;

/// <summary>Process exit codes of every verb, player's and trainer's alike.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bug: an exception nobody expected. The stack trace is printed.</summary>
    public const int InternalError = 1;

    /// <summary>The command line itself is wrong (unknown option, bad value, output exists without --overwrite).</summary>
    public const int UsageError = 2;

    /// <summary>An input file is missing, unreadable, corrupt, truncated or unsuitable (e.g. a region outside the frame).</summary>
    public const int BadInput = 3;

    /// <summary>A model file is missing, corrupt or breaks the model contract.</summary>
    public const int BadModel = 4;

    /// <summary>The machine cannot do what was asked (CUDA not loadable, ffmpeg missing, a feature not built yet).</summary>
    public const int Unavailable = 5;

    /// <summary>The output could not be written (unwritable folder, full disk, encoder failure); no partial file is left.</summary>
    public const int WriteFailed = 6;

    /// <summary>A batch finished but some of its inputs failed (each was reported).</summary>
    public const int SomeFailed = 7;

    /// <summary>A segmented upscale was asked to join, but some of its segments are not done (each is named).</summary>
    public const int SegmentsMissing = 8;

    /// <summary>Stopped by Ctrl-C.</summary>
    public const int Interrupted = 130;
}

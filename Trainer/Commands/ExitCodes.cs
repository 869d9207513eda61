namespace RealtimeSR.Trainer.Commands;

/// <summary>Process exit codes of the trainer's verbs.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bug: an exception nobody expected. The stack trace is printed.</summary>
    public const int InternalError = 1;

    /// <summary>The command line itself is wrong (unknown option, missing value).</summary>
    public const int UsageError = 2;

    /// <summary>An input file or folder is missing, unreadable, corrupt or unsuitable.</summary>
    public const int BadInput = 3;

    /// <summary>A model file is missing, corrupt, breaks the model contract or does not fit the request.</summary>
    public const int BadModel = 4;

    /// <summary>The machine cannot do what was asked (e.g. CUDA requested but not loadable).</summary>
    public const int Unavailable = 5;

    /// <summary>Stopped by Ctrl-C.</summary>
    public const int Interrupted = 130;
}

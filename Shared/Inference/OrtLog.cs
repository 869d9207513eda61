using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;

namespace RealtimeSR.Shared.Inference;

/// <summary>
/// Routes ONNX Runtime's own log so a failed CUDA attempt can be reported as one line of ours. When the CUDA
/// provider library cannot load, the exception only says "Failed to load shared library"; the useful part
/// ("libcublasLt.so.13: cannot open shared object file") goes to ONNX Runtime's log, which by default prints
/// it to stderr as a second, red line. While a capture is open on a thread, messages logged on that thread are
/// collected instead of printed; all other messages are printed to stderr as before.
/// </summary>
/// <remarks>
/// The ONNX Runtime environment is process-wide and its logger is fixed when it is created, so this is the one
/// piece of static state in inference. If something else created the environment first, capturing does
/// nothing and ONNX Runtime prints its own line.
/// </remarks>
internal static partial class OrtLog
{
    private static readonly DOrtLoggingFunction Callback = Write;
    private static readonly Lock Gate = new();
    private static bool _ours;

    [ThreadStatic]
    private static List<(OrtLoggingLevel Severity, string Message)>? _captured;

    /// <summary>Creates the ONNX Runtime environment with this logger, unless it exists already.</summary>
    public static void EnsureEnvironment()
    {
        lock (Gate)
        {
            if (OrtEnv.IsCreated)
            {
                return;
            }

            var options = new EnvironmentCreationOptions
            {
                logId = "RealtimeSR",
                logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                loggingFunction = Callback,
            };
            OrtEnv.CreateInstanceWithOptions(ref options);
            _ours = true;
        }
    }

    /// <summary>
    /// Starts collecting this thread's ONNX Runtime messages; returns the list they go to. Only effective when
    /// <see cref="EnsureEnvironment"/> created the environment.
    /// </summary>
    public static List<(OrtLoggingLevel Severity, string Message)> BeginCapture()
    {
        var captured = new List<(OrtLoggingLevel, string)>();
        _captured = captured;
        return captured;
    }

    /// <summary>Stops collecting on this thread.</summary>
    public static void EndCapture() => _captured = null;

    /// <summary>Prints messages captured earlier that turned out not to be needed for a report.</summary>
    public static void Replay(IEnumerable<(OrtLoggingLevel Severity, string Message)> messages)
    {
        foreach (var (severity, message) in messages)
        {
            Print(severity, message);
        }
    }

    /// <summary>
    /// The gist of the first error among <paramref name="captured"/>: ONNX Runtime's text without the source
    /// location and status prefix, or null when no error was captured (or capturing was not possible).
    /// </summary>
    public static string? FirstError(IEnumerable<(OrtLoggingLevel Severity, string Message)> captured)
    {
        if (!_ours)
        {
            return null;
        }

        foreach (var (severity, message) in captured)
        {
            if (severity >= OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR)
            {
                // "<file>:<line> <function> [ONNXRuntimeError] : 1 : FAIL : Failed to load library ... with error: ..."
                var match = StatusPrefix().Match(message);
                return match.Success ? message[(match.Index + match.Length)..] : message;
            }
        }

        return null;
    }

    private static void Write(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        if (_captured is { } captured)
        {
            captured.Add((severity, message));
            return;
        }

        Print(severity, message);
    }

    private static void Print(OrtLoggingLevel severity, string message)
    {
        var level = severity switch
        {
            OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => "verbose",
            OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => "info",
            OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => "warning",
            OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR => "error",
            _ => "fatal",
        };
        Console.Error.WriteLine($"onnxruntime {level}: {message}");
    }

    [GeneratedRegex(@"\[ONNXRuntimeError\] : \d+ : \w+ : ")]
    private static partial Regex StatusPrefix();
}

using System.Diagnostics;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>Runs the built player executable as a user would, capturing exit code, stdout and stderr.</summary>
internal static class PlayerProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Result Run(params string[] args) => RunWithEnvironment(new Dictionary<string, string>(), args);

    /// <summary>Like <see cref="Run"/> with extra environment variables for the child (e.g. SDL's audio driver).</summary>
    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "RealtimeSR.Player.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"player {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    internal sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Lines on stderr that start with "error:" (the one-line failures).</summary>
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
    }
}

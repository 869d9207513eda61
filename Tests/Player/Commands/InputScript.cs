using System.Diagnostics;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Platform.Sdl;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>
/// The bookkeeping of a play run scripted from the render loop's observer: the step reached and when it began, a
/// log of the steps, the first failed check, and a watchdog that quits a run stuck in one step (every wait in the
/// script is bounded by it).
/// </summary>
internal sealed class InputScript(SdlInputInjector inject, int stepIterations, TimeSpan deadline)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Step { get; private set; }

    /// <summary>The loop iteration the current step began at.</summary>
    public long StepStart { get; private set; }

    public bool Finished { get; private set; }

    public string? Failure { get; private set; }

    public List<string> Log { get; } = [];

    /// <summary>True when the run is no longer to be driven: it finished, or it is stuck now (then it is quit, and why is recorded).</summary>
    public bool Over(PlayerSnapshot snapshot)
    {
        if (!Finished && (snapshot.Iteration - StepStart > stepIterations || _clock.Elapsed > deadline))
        {
            Failure ??= $"stuck in step {Step} at {snapshot}; {string.Join("; ", Log)}";
            Quit(snapshot, "stuck");
        }

        return Finished;
    }

    /// <summary>On to the next step, noting what was done.</summary>
    public void Next(PlayerSnapshot snapshot, string what)
    {
        Log.Add($"iteration {snapshot.Iteration}: {what}");
        Step++;
        StepStart = snapshot.Iteration;
    }

    /// <summary>Records the first check that failed (the run goes on; the test asserts at the end).</summary>
    public void Check(bool condition, string message)
    {
        if (!condition)
        {
            Failure ??= message;
        }
    }

    /// <summary>Presses q: the script's end.</summary>
    public void Quit(PlayerSnapshot snapshot, string what)
    {
        Log.Add($"iteration {snapshot.Iteration}: {what}; quit");
        Finished = true;
        inject.KeyDown(PlayerKey.Q);
    }
}

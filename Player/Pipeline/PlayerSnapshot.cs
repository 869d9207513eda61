using RealtimeSR.Player.View;

namespace RealtimeSR.Player.Pipeline;

/// <summary>What the render loop shows after one iteration (for tests and scripted demos).</summary>
/// <param name="Iteration">Loop iterations so far, from 1.</param>
/// <param name="Presented">New frames shown so far.</param>
/// <param name="ShownIndex">Index of the frame on screen in the whole video, −1 before the first.</param>
/// <param name="ShownSeconds">Its media time, seconds from the first frame.</param>
/// <param name="State">The view state (mode, divider, zoom, paused, …).</param>
/// <param name="Dropped">Frames dropped so far.</param>
/// <param name="ShownModel">The name of the model that made the SR frame on screen (the SR label).</param>
public readonly record struct PlayerSnapshot(long Iteration, long Presented, long ShownIndex, double ShownSeconds, ViewState State, long Dropped, string ShownModel);

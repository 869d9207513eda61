using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Data.Degradations;

/// <summary>
/// One training item's LR frames before the codec ([0, 255], integral), in display order, and which of them is
/// the network's input (its HR is the sampler's crop). <see cref="Crf"/> is the libx264 CRF the clip still goes
/// through; without it the clip holds the target frame only.
/// </summary>
internal sealed record DegradedClip(Image[] Frames, int Target, int? Crf)
{
    public Image TargetFrame => Frames[Target];
}

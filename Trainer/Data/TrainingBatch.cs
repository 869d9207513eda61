namespace RealtimeSR.Trainer.Data;

/// <summary>
/// One batch of training pairs as NCHW RGB float in [0, 1]: <see cref="Lr"/> is [N, 3, h, w] and <see cref="Hr"/>
/// is [N, 3, h·scale, w·scale]. The LR is the MATLAB-bicubic downscale of the HR crop, quantised to 8 bits, exactly
/// as <c>eval</c> makes its inputs.
/// </summary>
internal sealed record TrainingBatch(long Step, int Count, int LrSize, int Scale, float[] Lr, float[] Hr)
{
    public int HrSize => LrSize * Scale;
}

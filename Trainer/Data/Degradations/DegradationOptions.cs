using System.Text.Json.Serialization;

namespace RealtimeSR.Trainer.Data.Degradations;

/// <summary>An interval [<see cref="Min"/>, <see cref="Max"/>] that a degradation's parameter is drawn from.</summary>
internal readonly record struct ValueRange(double Min, double Max)
{
    [JsonIgnore]
    public bool IsValid => double.IsFinite(Min) && double.IsFinite(Max) && Min <= Max;

    public override string ToString() => $"{Min:0.###}–{Max:0.###}";
}

/// <summary>
/// What happens to a training crop between the HR picture and the network's input when training for real camera
/// footage (Real-ESRGAN's "high-order" degradations, cut to what a surveillance camera does). Each item of a batch
/// draws its own recipe: optics blur, the downscale, sensor noise, JPEG, optionally a second lighter round, and
/// then real H.264 (libx264, no B-frames, as cameras send) as a short clip with camera-like motion, so the network
/// sees P-frame artefacts, not only I-frames. Probabilities are per item; sizes are in HR pixels for the first round and LR pixels after it;
/// noise is on the [0, 255] scale. Recorded in <c>config.json</c> and the model card.
/// </summary>
internal sealed record DegradationOptions
{
    /// <summary>Items left as the plain MATLAB-bicubic LR (keeps the net good on clean input).</summary>
    public double CleanProbability { get; init; } = 0.15;

    /// <summary>Gaussian optics blur on the HR crop before the downscale.</summary>
    public double BlurProbability { get; init; } = 0.35;

    /// <summary>Blur standard deviation in HR pixels (per axis when anisotropic).</summary>
    public ValueRange BlurSigma { get; init; } = new(0.3, 2.4);

    /// <summary>Of the blurred items, those with an elongated, rotated kernel (motion, astigmatism).</summary>
    public double AnisotropicProbability { get; init; } = 0.4;

    /// <summary>Items downscaled in two bicubic steps through a larger intermediate (a softer resize kernel).</summary>
    public double TwoStepResizeProbability { get; init; } = 0.25;

    /// <summary>Intermediate size of a two-step downscale, as a multiple of the LR size.</summary>
    public ValueRange IntermediateScale { get; init; } = new(1.2, 2.5);

    /// <summary>Sensor noise on the LR frame.</summary>
    public double NoiseProbability { get; init; } = 0.3;

    /// <summary>Noise standard deviation on the [0, 255] scale (Poisson: at mid grey, 128).</summary>
    public ValueRange NoiseSigma { get; init; } = new(1, 8);

    /// <summary>Of the noisy items, those whose noise is signal-dependent (Poisson, shot noise) rather than Gaussian.</summary>
    public double PoissonProbability { get; init; } = 0.4;

    /// <summary>Of the noisy items, those with the same noise in R, G and B (luma-only noise).</summary>
    public double GreyNoiseProbability { get; init; } = 0.4;

    /// <summary>A JPEG round trip of the LR frame (snapshots, MJPEG cameras).</summary>
    public double JpegProbability { get; init; } = 0.1;

    public ValueRange JpegQuality { get; init; } = new(40, 95);

    /// <summary>A second, lighter round (blur at LR, noise, JPEG at the same probabilities) before the codec.</summary>
    public double SecondRoundProbability { get; init; } = 0.15;

    /// <summary>Blur of the second round, in LR pixels.</summary>
    public ValueRange SecondBlurSigma { get; init; } = new(0.2, 0.8);

    /// <summary>Items that go through libx264 as the last step.</summary>
    public double H264Probability { get; init; } = 0.7;

    /// <summary>The CRF of an H.264 item's clip.</summary>
    public ValueRange H264Crf { get; init; } = new(18, 38);

    /// <summary>Frames in each item's clip (the first is an IDR frame; the target is any one of them).</summary>
    public int ClipFrames { get; init; } = 3;

    /// <summary>Largest camera-to-scene motion per frame, in HR pixels per axis.</summary>
    public int MaxMotion { get; init; } = 4;

    /// <summary>Clips with no motion at all (a fixed camera on a still scene: only the noise changes).</summary>
    public double StaticProbability { get; init; } = 0.4;

    /// <summary>How far a clip's frames reach beyond the target crop on each side, in HR pixels.</summary>
    [JsonIgnore]
    public int Margin => (ClipFrames - 1) * MaxMotion;

    /// <summary>One line for the model card and the training log.</summary>
    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"clean {CleanProbability:P0}; blur {BlurProbability:P0} σ {BlurSigma} HR px ({AnisotropicProbability:P0} anisotropic); " +
        $"two-step resize {TwoStepResizeProbability:P0} via {IntermediateScale}× LR; noise {NoiseProbability:P0} σ {NoiseSigma} " +
        $"({PoissonProbability:P0} Poisson, {GreyNoiseProbability:P0} grey); JPEG {JpegProbability:P0} q {JpegQuality}; " +
        $"second round {SecondRoundProbability:P0} (blur σ {SecondBlurSigma} LR px); H.264 {H264Probability:P0} CRF {H264Crf} " +
        $"in {ClipFrames}-frame clips moving ≤ {MaxMotion} HR px/frame ({StaticProbability:P0} still)");

    /// <summary>The first problem with these settings, or null.</summary>
    public string? Problem()
    {
        (string Name, double Value)[] probabilities =
        [
            (nameof(CleanProbability), CleanProbability), (nameof(BlurProbability), BlurProbability),
            (nameof(AnisotropicProbability), AnisotropicProbability), (nameof(TwoStepResizeProbability), TwoStepResizeProbability),
            (nameof(NoiseProbability), NoiseProbability), (nameof(PoissonProbability), PoissonProbability),
            (nameof(GreyNoiseProbability), GreyNoiseProbability), (nameof(JpegProbability), JpegProbability),
            (nameof(SecondRoundProbability), SecondRoundProbability), (nameof(H264Probability), H264Probability),
            (nameof(StaticProbability), StaticProbability),
        ];
        foreach (var (name, value) in probabilities)
        {
            if (!(value >= 0 && value <= 1))
            {
                return $"{name} {value}: a probability is between 0 and 1";
            }
        }

        (string Name, ValueRange Range, double Floor, double Ceiling)[] ranges =
        [
            (nameof(BlurSigma), BlurSigma, 0.01, 8), (nameof(IntermediateScale), IntermediateScale, 1, 4),
            (nameof(NoiseSigma), NoiseSigma, 0, 100), (nameof(JpegQuality), JpegQuality, 1, 100),
            (nameof(SecondBlurSigma), SecondBlurSigma, 0.01, 4), (nameof(H264Crf), H264Crf, 0, 51),
        ];
        foreach (var (name, range, floor, ceiling) in ranges)
        {
            if (!range.IsValid || range.Min < floor || range.Max > ceiling)
            {
                return $"{name} {range}: needs {floor} ≤ min ≤ max ≤ {ceiling}";
            }
        }

        if (ClipFrames is < 1 or > 16)
        {
            return $"{nameof(ClipFrames)} {ClipFrames}: 1 to 16";
        }

        return MaxMotion is < 0 or > 32 ? $"{nameof(MaxMotion)} {MaxMotion}: 0 to 32" : null;
    }
}

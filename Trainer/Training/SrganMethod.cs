using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// SRGAN as in the tutorial: an SRResNet generator that starts from a trained SRResNet checkpoint, the tutorial's
/// discriminator, a content loss on the features of a pretrained classifier (the tutorial: VGG19 conv5_4; here any ONNX
/// CNN, see <see cref="OnnxFeatureExtractor"/>, optionally plus <see cref="TrainOptions.PixelWeight"/> × MSE on pixels;
/// MSE on pixels alone when none is given), and an adversarial term weighted
/// <see cref="TrainOptions.AdversarialWeight"/> (the tutorial: 1e-3). Generator and discriminator each have Adam at the
/// scheduled rate; the discriminator sees ImageNet-normalised pictures, as in the tutorial.
/// </summary>
internal sealed class SrganMethod : ITrainingMethod
{
    /// <summary>
    /// The feature loss sees both pictures shifted by the same random 0 … MaxFeatureShift − 1 pixels each step. A
    /// classifier's stem samples on a stride-2 and stride-4 grid, and a pattern locked to that grid (one dot per LR
    /// pixel, which a ×4 sub-pixel generator makes easily) can pass for texture to it: SRGAN runs with ResNet18
    /// features grew exactly that dot grid. A shift that changes every step unlocks the two grids; in the runs here it
    /// weakened the grid without removing it (media/README.md: the shipped SRGAN is interpolated towards its SRResNet).
    /// </summary>
    private const int MaxFeatureShift = 8;

    /// <summary>The smallest HR crop the shifted feature loss takes (what is left after the shift is at least 3/4 of it).</summary>
    public const int MinimumFeatureCrop = 4 * MaxFeatureShift;

    private readonly Random _shifts;
    private readonly SrganDiscriminator _discriminator;
    private readonly OnnxFeatureExtractor? _features;
    private readonly AdamOptimizer _generatorOptimizer;
    private readonly AdamOptimizer _discriminatorOptimizer;
    private readonly Device _device;
    private readonly Scalar _adversarialWeight;
    private readonly Scalar? _pixelWeight;
    private readonly Tensor _mean;
    private readonly Tensor _std;

    public SrganMethod(TrainOptions options, Device device, bool resuming, Action<string> log)
    {
        _device = device;
        _adversarialWeight = options.AdversarialWeight.ToScalar();
        _shifts = new Random((int)options.Seed);
        _pixelWeight = options.PixelWeight > 0 ? options.PixelWeight.ToScalar() : null;
        if (resuming)
        {
            Network = ArchitectureRegistry.Create(options.Network);
        }
        else
        {
            if (options.GeneratorCheckpoint is null)
            {
                throw new CheckpointException("--generator", "SRGAN starts from a trained SRResNet: give --generator runs/NAME/ckpt.pt");
            }

            var (generator, state) = Checkpoint.LoadNetwork(options.GeneratorCheckpoint);
            if (state.Options.Network != options.Network)
            {
                generator.Dispose();
                throw new CheckpointException(options.GeneratorCheckpoint,
                    $"holds {Checkpoint.Describe(state.Options.Network)}, not the {Checkpoint.Describe(options.Network)} SRGAN needs");
            }

            Network = generator;
            log($"generator initialised from {options.GeneratorCheckpoint} (step {state.Step})");
        }

        Network.to(device);
        Network.train();
        _discriminator = new SrganDiscriminator();
        _discriminator.to(device);
        if (options.PerceptualModel is not null)
        {
            string output = options.PerceptualOutput ?? throw new ArgumentException("a perceptual model needs its output tensor", nameof(options));
            _features = OnnxFeatureExtractor.Load(options.PerceptualModel, output, options.PerceptualInput, device);
            string pixels = _pixelWeight is null ? "" : $" + {options.PixelWeight:G3} × MSE on pixels";
            log($"content loss: MSE of '{output}' features of {options.PerceptualModel}{pixels}; adversarial weight {options.AdversarialWeight:G3}");
        }
        else
        {
            log("no --perceptual model: content loss is MSE on pixels (the tutorial uses VGG19 conv5_4 features)");
        }

        _generatorOptimizer = new AdamOptimizer(Network.parameters(), options.LearningRate);
        _discriminatorOptimizer = new AdamOptimizer(_discriminator.parameters(), options.LearningRate);
        _mean = tensor(SrResNet.ImageNetMean).reshape(1, 3, 1, 1).to(device);
        _std = tensor(SrResNet.ImageNetStd).reshape(1, 3, 1, 1).to(device);
    }

    public SrNetwork Network { get; }

    public StepLosses Step(TrainingBatch batch, double learningRate)
    {
        _generatorOptimizer.LearningRate = learningRate;
        _discriminatorOptimizer.LearningRate = learningRate;

        using var scope = NewDisposeScope();
        var (lr, hr) = BatchTensors.Of(batch, _device);
        Tensor hrNormalised = (hr - _mean) / _std;

        // Generator: content + weighted adversarial loss.
        _generatorOptimizer.ZeroGrad();
        Tensor sr = Network.forward(lr);
        Tensor srNormalised = sr.sub(_mean).div_(_std);
        Tensor content;
        if (_features is null)
        {
            content = nn.functional.mse_loss(srNormalised, hrNormalised);
        }
        else
        {
            int dy = _shifts.Next(MaxFeatureShift), dx = _shifts.Next(MaxFeatureShift);
            Tensor Shifted(Tensor picture) =>
                picture.narrow(2, dy, picture.shape[2] - MaxFeatureShift).narrow(3, dx, picture.shape[3] - MaxFeatureShift);
            Tensor hrFeatures;
            using (no_grad())
            {
                hrFeatures = _features.Forward(Shifted(hr));
            }

            content = nn.functional.mse_loss(_features.Forward(Shifted(sr)), hrFeatures);
            if (_pixelWeight is not null)
            {
                content = content.add(nn.functional.mse_loss(sr, hr), _pixelWeight);
            }
        }

        Tensor fakeLogits = _discriminator.forward(srNormalised);
        Tensor adversarial = nn.functional.binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits));
        Tensor perceptual = content.add(adversarial, _adversarialWeight);
        perceptual.backward();
        _generatorOptimizer.Step();

        // Discriminator: real pictures high, generated ones low.
        _discriminatorOptimizer.ZeroGrad();
        Tensor realLogits = _discriminator.forward(hrNormalised);
        Tensor generatedLogits = _discriminator.forward(srNormalised.detach());
        Tensor discriminatorLoss =
            nn.functional.binary_cross_entropy_with_logits(generatedLogits, zeros_like(generatedLogits))
                .add(nn.functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits)), LongLivedScalars.One);
        discriminatorLoss.backward();
        _discriminatorOptimizer.Step();

        return new StepLosses(perceptual.item<float>(), new Dictionary<string, double>
        {
            ["content"] = content.item<float>(),
            ["adversarial"] = adversarial.item<float>(),
            ["discriminator"] = discriminatorLoss.item<float>(),
        });
    }

    public void Save(string path, CheckpointState state) =>
        Checkpoint.Save(path, state, Network, _generatorOptimizer, _discriminator, _discriminatorOptimizer);

    public CheckpointState Restore(string path) =>
        Checkpoint.Restore(path, Network, _generatorOptimizer, _discriminator, _discriminatorOptimizer);

    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _discriminator.Dispose();
        _features?.Dispose();
        _adversarialWeight.Dispose();
        _pixelWeight?.Dispose();
        _mean.Dispose();
        _std.Dispose();
        Network.Dispose();
    }
}

using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>Pixel-loss training (MSE on RGB or luma, per <see cref="SrNetwork.TrainingLoss"/>) with Adam.</summary>
internal sealed class SupervisedMethod : ITrainingMethod
{
    private readonly AdamOptimizer _optimizer;
    private readonly Device _device;

    public SupervisedMethod(TrainOptions options, Device device)
    {
        _device = device;
        Network = ArchitectureRegistry.Create(options.Network);
        Network.to(device);
        Network.train();
        _optimizer = new AdamOptimizer(Network.parameters(), options.LearningRate);
    }

    public SrNetwork Network { get; }

    public StepLosses Step(TrainingBatch batch, double learningRate)
    {
        _optimizer.LearningRate = learningRate;

        using var scope = NewDisposeScope();
        var (lr, hr) = BatchTensors.Of(batch, _device);
        _optimizer.ZeroGrad();
        Tensor loss = Network.TrainingLoss(Network.forward(lr), hr);
        loss.backward();
        _optimizer.Step();
        return new StepLosses(loss.item<float>());
    }

    public void Save(string path, CheckpointState state) => Checkpoint.Save(path, state, Network, _optimizer);

    public CheckpointState Restore(string path) => Checkpoint.Restore(path, Network, _optimizer);

    public void Dispose()
    {
        _optimizer.Dispose();
        Network.Dispose();
    }
}

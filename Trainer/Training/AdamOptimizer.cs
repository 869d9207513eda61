using RealtimeSR.Trainer.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// Adam (Kingma and Ba; PyTorch's defaults β = (0.9, 0.999), ε = 1e-8, no weight decay), written here rather than
/// taken from TorchSharp because TorchSharp's optimizers pass freshly made <see cref="Scalar"/>s to native code
/// by raw handle each step: when a garbage collection (the batch loader allocates steadily) finalizes such a
/// Scalar during the call, libtorch reads freed memory and fails with "Expected false to be true" in
/// Scalar::toDouble, after some thousands of steps.
/// Every Scalar here is a field or a <c>using</c> local, so it outlives the native calls that read it.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private const string StateMagic = "ADAM";

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters.ToArray();
        LearningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _beta1Scalar = beta1.ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
        _firstMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _secondMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>The rate the next <see cref="Step"/> uses.</summary>
    public double LearningRate { get; set; }

    /// <summary>Updates taken so far (drives the bias correction).</summary>
    public long StepCount { get; private set; }

    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (Parameter p in _parameters)
        {
            p.grad?.zero_();
        }
    }

    /// <summary>One Adam update of every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        double correction1 = 1 - Math.Pow(_beta1, StepCount);
        double correction2 = 1 - Math.Pow(_beta2, StepCount);
        using Scalar stepSize = (-LearningRate / correction1).ToScalar();
        using Scalar sqrtCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            Tensor? grad = _parameters[i].grad;
            if (grad is null)
            {
                continue;
            }

            _firstMoments[i].mul_(_beta1Scalar).add_(grad, _oneMinusBeta1);
            _secondMoments[i].mul_(_beta2Scalar).addcmul_(grad, grad, _oneMinusBeta2);
            Tensor denominator = _secondMoments[i].sqrt().div_(sqrtCorrection2).add_(_epsilon, LongLivedScalars.One);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, stepSize);
        }
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(StateMagic);
        writer.Write(_parameters.Length);
        writer.Write(StepCount);
        writer.Write(LearningRate);
        foreach (Tensor moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Save(writer);
        }
    }

    public void Load(BinaryReader reader)
    {
        if (reader.ReadString() != StateMagic || reader.ReadInt32() != _parameters.Length)
        {
            throw new InvalidOperationException($"optimizer state is not Adam state for {_parameters.Length} parameters");
        }

        StepCount = reader.ReadInt64();
        LearningRate = reader.ReadDouble();
        using var noGrad = no_grad();
        foreach (Tensor moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Load(reader);
        }
    }

    public void Dispose()
    {
        foreach (Tensor moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }

        foreach (Scalar scalar in new[] { _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _epsilon })
        {
            scalar.Dispose();
        }
    }
}

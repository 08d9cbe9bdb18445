using System.Numerics;

namespace AutoShield.Detection.Training;

/// <summary>
/// Adam with bias correction (torch's update: θ −= lr·m̂ / (√v̂ + ε)) and optional decoupled weight decay
/// (AdamW: θ −= lr·λ·θ before the step). Moments live in flat arrays beside the parameters.
/// </summary>
public sealed class Adam
{
    private readonly float[] _first;
    private readonly float[] _second;

    public Adam(int parameterCount, float learningRate, float weightDecay = 0f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        _first = new float[parameterCount];
        _second = new float[parameterCount];
        LearningRate = learningRate;
        WeightDecay = weightDecay;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    public float LearningRate { get; }

    public float WeightDecay { get; }

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float Epsilon { get; }

    /// <summary>Updates taken so far.</summary>
    public int Steps { get; private set; }

    public void Update(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != _first.Length || gradients.Length != _first.Length)
        {
            throw new ArgumentException($"optimizer holds {_first.Length} parameters");
        }

        Steps++;
        var correction1 = 1.0 - Math.Pow(Beta1, Steps);
        var correction2 = 1.0 - Math.Pow(Beta2, Steps);
        var stepSize = (float)(LearningRate / correction1);
        var rootCorrection = (float)(1.0 / Math.Sqrt(correction2));
        var decay = 1f - (LearningRate * WeightDecay);
        var w = Vector<float>.Count;
        var i = 0;
        for (; i + w <= parameters.Length; i += w)
        {
            var g = new Vector<float>(gradients[i..]);
            var m = (new Vector<float>(Beta1) * new Vector<float>(_first.AsSpan(i))) + (new Vector<float>(1f - Beta1) * g);
            var v = (new Vector<float>(Beta2) * new Vector<float>(_second.AsSpan(i))) + (new Vector<float>(1f - Beta2) * g * g);
            m.CopyTo(_first.AsSpan(i));
            v.CopyTo(_second.AsSpan(i));
            var denominator = (Vector.SquareRoot(v) * new Vector<float>(rootCorrection)) + new Vector<float>(Epsilon);
            var theta = new Vector<float>(parameters[i..]) * new Vector<float>(decay);
            (theta - (new Vector<float>(stepSize) * m / denominator)).CopyTo(parameters[i..]);
        }

        for (; i < parameters.Length; i++)
        {
            var g = gradients[i];
            var m = _first[i] = (Beta1 * _first[i]) + ((1f - Beta1) * g);
            var v = _second[i] = (Beta2 * _second[i]) + ((1f - Beta2) * g * g);
            parameters[i] = (parameters[i] * decay) - (stepSize * m / ((MathF.Sqrt(v) * rootCorrection) + Epsilon));
        }
    }
}

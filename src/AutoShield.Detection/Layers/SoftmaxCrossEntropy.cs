using System.Numerics.Tensors;
using AutoShield.Detection.Kernels;

namespace AutoShield.Detection.Layers;

/// <summary>
/// Softmax cross-entropy with class weights, reduced as torch's <c>CrossEntropyLoss(weight=w)</c>:
/// Σᵢ w[yᵢ]·CEᵢ / Σᵢ w[yᵢ].
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Returns the loss and writes dL/dlogits; empty <paramref name="classWeights"/> means all ones.</summary>
    public static float Forward(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, ReadOnlySpan<float> classWeights, Span<float> logitGradient)
    {
        var batch = labels.Length;
        double loss = 0;
        double totalWeight = 0;
        for (var i = 0; i < batch; i++)
        {
            var row = logits.Slice(i * classes, classes);
            var gradient = logitGradient.Slice(i * classes, classes);
            var label = labels[i];
            var weight = classWeights.IsEmpty ? 1f : classWeights[label];
            Softmax.Apply(row, gradient);

            // log p from the logits in double (not log of the softmax), so tiny probabilities keep their precision.
            var max = TensorPrimitives.Max(row);
            var normalizer = 0.0;
            for (var c = 0; c < classes; c++)
            {
                normalizer += Math.Exp(row[c] - max);
            }

            var logProbability = row[label] - max - Math.Log(normalizer);
            loss -= weight * logProbability;
            totalWeight += weight;
            gradient[label] -= 1f;
            TensorPrimitives.Multiply(gradient, weight, gradient);
        }

        if (totalWeight <= 0)
        {
            logitGradient[..(batch * classes)].Clear();
            return 0f;
        }

        TensorPrimitives.Multiply(logitGradient[..(batch * classes)], (float)(1.0 / totalWeight), logitGradient[..(batch * classes)]);
        return (float)(loss / totalWeight);
    }
}

using System.Numerics.Tensors;
using AutoShield.Detection.Features;

namespace AutoShield.Detection.Training;

/// <summary>The autoencoder's batches, mean-squared reconstruction loss and per-window anomaly scores.</summary>
internal sealed class AnomalyStage(TrainingData data, FeatureNormalizer normalizer)
{
    public void Gather(ReadOnlySpan<int> samples, Span<float> inputs) => WindowInputs.Gather(data, normalizer, samples, inputs);

    /// <summary>Mean over every element of (reconstruction − input)².</summary>
    public static float Loss(ReadOnlySpan<int> samples, ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputs, Span<float> outputGradient)
    {
        var n = outputs.Length;
        TensorPrimitives.Subtract(outputs, inputs[..n], outputGradient[..n]);
        var loss = TensorPrimitives.SumOfSquares(outputGradient[..n]) / n;
        TensorPrimitives.Multiply(outputGradient[..n], 2f / n, outputGradient[..n]);
        return loss;
    }

    /// <summary>The anomaly score of each window: the mean squared reconstruction error of its normalised input.</summary>
    public float[] Scores(NetworkOptimizer optimizer, int[] indices)
    {
        var size = normalizer.InputSize;
        var inputs = new float[optimizer.MaxBatch * size];
        var outputs = new float[optimizer.MaxBatch * size];
        var scores = new float[indices.Length];
        for (var start = 0; start < indices.Length; start += optimizer.MaxBatch)
        {
            var samples = indices.AsSpan(start, Math.Min(optimizer.MaxBatch, indices.Length - start));
            Gather(samples, inputs);
            optimizer.Predict(inputs, outputs, samples.Length);
            for (var i = 0; i < samples.Length; i++)
            {
                var difference = outputs.AsSpan(i * size, size);
                TensorPrimitives.Subtract(inputs.AsSpan(i * size, size), difference, difference);
                scores[start + i] = TensorPrimitives.SumOfSquares(difference) / size;
            }
        }

        return scores;
    }
}

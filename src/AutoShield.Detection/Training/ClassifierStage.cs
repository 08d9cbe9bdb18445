using System.Numerics.Tensors;
using AutoShield.Detection.Features;
using AutoShield.Detection.Layers;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Training;

/// <summary>
/// The classifier's batches, weighted cross-entropy and validation pass. With <paramref name="windowWeights"/> (one
/// per window of the data) each window's loss is weighted by its own weight instead of its class's.
/// </summary>
internal sealed class ClassifierStage(
    TrainingData data, FeatureNormalizer normalizer, INetwork network, float[] classWeights, int batchSize, float[]? windowWeights = null)
{
    private readonly int[] _labels = new int[batchSize];
    private readonly float[] _gradient = new float[batchSize * network.OutputSize];

    public void Gather(ReadOnlySpan<int> samples, Span<float> inputs) => WindowInputs.Gather(data, normalizer, samples, inputs);

    public float Loss(ReadOnlySpan<int> samples, ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputs, Span<float> outputGradient)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            _labels[i] = data.Labels[samples[i]];
        }

        if (windowWeights is null)
        {
            return SoftmaxCrossEntropy.Forward(outputs, _labels.AsSpan(0, samples.Length), network.OutputSize, classWeights, outputGradient);
        }

        // Σᵢ wᵢ·CEᵢ / Σᵢ wᵢ, one window at a time so each carries its own weight.
        var classes = network.OutputSize;
        double loss = 0;
        double total = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var weight = windowWeights[samples[i]];
            var gradient = outputGradient.Slice(i * classes, classes);
            loss += weight * SoftmaxCrossEntropy.Forward(outputs.Slice(i * classes, classes), _labels.AsSpan(i, 1), classes, [], gradient);
            TensorPrimitives.Multiply(gradient, weight, gradient);
            total += weight;
        }

        if (total <= 0)
        {
            outputGradient[..(samples.Length * classes)].Clear();
            return 0f;
        }

        TensorPrimitives.Multiply(outputGradient[..(samples.Length * classes)], (float)(1.0 / total), outputGradient[..(samples.Length * classes)]);
        return (float)(loss / total);
    }

    /// <summary>1 − P(<paramref name="benign"/>) of each window, as the model's runtime computes it.</summary>
    public float[] AttackScores(NetworkOptimizer optimizer, int[] indices, int benign)
    {
        var classes = network.OutputSize;
        var inputs = new float[optimizer.MaxBatch * normalizer.InputSize];
        var outputs = new float[optimizer.MaxBatch * classes];
        var probabilities = new float[classes];
        var scores = new float[indices.Length];
        for (var start = 0; start < indices.Length; start += optimizer.MaxBatch)
        {
            var samples = indices.AsSpan(start, Math.Min(optimizer.MaxBatch, indices.Length - start));
            Gather(samples, inputs);
            optimizer.Predict(inputs, outputs, samples.Length);
            for (var i = 0; i < samples.Length; i++)
            {
                Kernels.Softmax.Apply(outputs.AsSpan(i * classes, classes), probabilities);
                scores[start + i] = 1f - probabilities[benign];
            }
        }

        return scores;
    }

    private float Weight(int sample) => windowWeights is null ? classWeights[data.Labels[sample]] : windowWeights[sample];

    /// <summary>Weighted validation loss and macro-F1 (the early-stopping score), with the full report.</summary>
    public ((float Loss, float Score) Summary, ClassificationReport Report) Evaluate(NetworkOptimizer optimizer, int[] indices)
    {
        var classes = network.OutputSize;
        var inputs = new float[optimizer.MaxBatch * normalizer.InputSize];
        var outputs = new float[optimizer.MaxBatch * classes];
        var truth = new int[indices.Length];
        var predicted = new int[indices.Length];
        double loss = 0;
        double weight = 0;
        for (var start = 0; start < indices.Length; start += optimizer.MaxBatch)
        {
            var samples = indices.AsSpan(start, Math.Min(optimizer.MaxBatch, indices.Length - start));
            Gather(samples, inputs);
            optimizer.Predict(inputs, outputs, samples.Length);
            var batchLoss = Loss(samples, inputs, outputs.AsSpan(0, samples.Length * classes), _gradient);
            var batchWeight = 0.0;
            for (var i = 0; i < samples.Length; i++)
            {
                truth[start + i] = _labels[i];
                predicted[start + i] = InferenceSession.ArgMax(outputs.AsSpan(i * classes, classes));
                batchWeight += Weight(samples[i]);
            }

            loss += batchLoss * batchWeight;
            weight += batchWeight;
        }

        var report = ClassificationReport.Compute(truth, predicted, classes);
        return (((float)(loss / Math.Max(weight, 1e-12)), (float)report.MacroF1), report);
    }
}

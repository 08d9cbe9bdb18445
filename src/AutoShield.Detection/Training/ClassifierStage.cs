using AutoShield.Detection.Features;
using AutoShield.Detection.Layers;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;

namespace AutoShield.Detection.Training;

/// <summary>The classifier's batches, weighted cross-entropy and validation pass.</summary>
internal sealed class ClassifierStage(TrainingData data, FeatureNormalizer normalizer, INetwork network, float[] classWeights, int batchSize)
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

        return SoftmaxCrossEntropy.Forward(outputs, _labels.AsSpan(0, samples.Length), network.OutputSize, classWeights, outputGradient);
    }

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
                batchWeight += classWeights[_labels[i]];
            }

            loss += batchLoss * batchWeight;
            weight += batchWeight;
        }

        var report = ClassificationReport.Compute(truth, predicted, classes);
        return (((float)(loss / Math.Max(weight, 1e-12)), (float)report.MacroF1), report);
    }
}

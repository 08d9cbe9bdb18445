using AutoShield.Detection.Features;

namespace AutoShield.Detection.Training;

/// <summary>Normalises training windows on the fly, so a data set is never held twice in memory.</summary>
internal static class WindowInputs
{
    public static void Gather(TrainingData data, FeatureNormalizer normalizer, ReadOnlySpan<int> samples, Span<float> inputs)
    {
        var size = normalizer.InputSize;
        for (var i = 0; i < samples.Length; i++)
        {
            normalizer.Apply(data.Window(samples[i]), inputs.Slice(i * size, size));
        }
    }
}

using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Tests.Training;

public sealed class SourceBalancingTests
{
    private static readonly TrainingOptions Quick = new()
    {
        Classifier = new CnnLstmSpec(ConvChannels: 8, HiddenSize: 8),
        Anomaly = new AutoencoderSpec(HiddenSize: 16, CodeSize: 4),
        MaxEpochs = 2,
        AnomalyMaxEpochs = 2,
        BatchSize = 32,
        Seed = 3,
    };

    [Fact]
    public void Compute_UnevenGroups_EveryGroupAndClassWithinItCarriesTheSameWeight()
    {
        // Arrange: group 0 has 2 benign + 1 scan, group 1 has 12 benign + 3 scan + 3 flood windows.
        int[] labels = [0, 0, 1, .. Enumerable.Repeat(0, 12), 1, 1, 1, 2, 2, 2];
        int[] groups = [0, 0, 0, .. Enumerable.Repeat(1, 18)];
        var train = Enumerable.Range(0, labels.Length).ToArray();

        // Act
        var weights = SourceWeights.Compute(labels, groups, train, classes: 3);

        // Assert: each group sums to N / 2, each of its classes to N / (2 · K_g).
        double Sum(int group, int label) => train.Where(i => groups[i] == group && labels[i] == label).Sum(i => (double)weights[i]);
        Assert.Equal(labels.Length / 2.0, Sum(0, 0) + Sum(0, 1), 4);
        Assert.Equal(labels.Length / 2.0, Sum(1, 0) + Sum(1, 1) + Sum(1, 2), 4);
        Assert.Equal(Sum(0, 0), Sum(0, 1), 4);
        Assert.Equal(Sum(1, 0), Sum(1, 2), 4);
        Assert.True(weights[0] > weights[3] * 5, "a window of the small group outweighs one of the large group");
    }

    [Fact]
    public void Oversample_SmallGroup_RepeatedTowardsTheLargestCappedByFactor()
    {
        int[] indices = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        int[] groups = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];

        var tripled = SourceWeights.Oversample(indices, groups, maxFactor: 3);
        var full = SourceWeights.Oversample(indices, groups, maxFactor: 20);

        Assert.Equal(3, tripled.Count(i => i == 10));
        Assert.Equal(10, full.Count(i => i == 10));
        Assert.Equal(1, full.Count(i => i == 0));
        Assert.Equal(full.Order(), full);
    }

    [Fact]
    public void Train_SourceBalancedWithoutGroups_SameWeightsAsBalanced()
    {
        var data = SyntheticWindows.Create(perClass: 30, seed: 2);

        var balanced = new DetectorTrainer(Quick).Train(data);
        var sourceBalanced = new DetectorTrainer(Quick with { ClassWeighting = ClassWeighting.SourceBalanced }).Train(data);

        Assert.Equal(Hash(balanced.Model.ClassifierParameters), Hash(sourceBalanced.Model.ClassifierParameters));
        Assert.Equal(balanced.Model.AnomalyThreshold, sourceBalanced.Model.AnomalyThreshold);
    }

    [Fact]
    public void Train_SourceBalancedWithGroups_AnomalyThresholdCoversEveryGroup()
    {
        // Arrange: the first half of the windows come from group 0 and are scaled up, so their reconstruction
        // errors differ from group 1's; each group has over 200 benign validation windows.
        var data = SyntheticWindows.Create(perClass: 900, seed: 4);
        var groups = Enumerable.Range(0, data.Count).Select(i => i < data.Count / 2 ? 0 : 1).ToArray();
        for (var i = 0; i < data.Count / 2; i++)
        {
            var window = data.Windows.AsSpan(i * Core.Windows.WindowShape.Cells, Core.Windows.WindowShape.Cells);
            foreach (ref var value in window)
            {
                value *= 3f;
            }
        }

        var grouped = data with { SourceGroups = groups };
        var options = Quick with { ClassWeighting = ClassWeighting.SourceBalanced, ValidationFraction = 0.5f };

        // Act
        var result = new DetectorTrainer(options).Train(grouped);

        // Assert
        var metrics = result.Model.Manifest.Metrics;
        Assert.Equal(ClassWeighting.SourceBalanced, result.Model.Manifest.Training.ClassWeighting);
        var threshold = result.Model.AnomalyThreshold!.Value;
        Assert.True(metrics.ContainsKey("anomaly_threshold.group0") && metrics.ContainsKey("anomaly_threshold.group1"), string.Join(", ", metrics.Keys));
        Assert.NotEqual(metrics["anomaly_threshold.group0"], metrics["anomaly_threshold.group1"]);
        Assert.True(threshold >= metrics["anomaly_threshold.group0"] - 1e-6 && threshold >= metrics["anomaly_threshold.group1"] - 1e-6, $"threshold {threshold}");
    }

    [Fact]
    public void Validate_SourceGroupsOfWrongLength_Throws()
    {
        var data = SyntheticWindows.Create(perClass: 2, seed: 1) with { SourceGroups = [0, 1] };

        Assert.Throws<ArgumentException>(data.Validate);
    }

    private static string Hash(ReadOnlySpan<float> values) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values)));
}

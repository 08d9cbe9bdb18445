namespace AutoShield.Detection.Training;

/// <summary>Per-window loss weights of <see cref="ClassWeighting.SourceBalanced"/>.</summary>
internal static class SourceWeights
{
    /// <summary>
    /// One weight per window of <paramref name="labels"/> (0 outside <paramref name="train"/>): N / (G · K_g · N_{g,c})
    /// over the training windows, so every source group and, within it, every class present sums to the same weight.
    /// </summary>
    public static float[] Compute(int[] labels, int[] groups, int[] train, int classes)
    {
        var groupCount = 0;
        foreach (var i in train)
        {
            groupCount = Math.Max(groupCount, groups[i] + 1);
        }

        var counts = new int[groupCount, classes];
        foreach (var i in train)
        {
            counts[groups[i], labels[i]]++;
        }

        var presentGroups = 0;
        var classesPerGroup = new int[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            for (var c = 0; c < classes; c++)
            {
                classesPerGroup[g] += counts[g, c] > 0 ? 1 : 0;
            }

            presentGroups += classesPerGroup[g] > 0 ? 1 : 0;
        }

        var weights = new float[labels.Length];
        foreach (var i in train)
        {
            var g = groups[i];
            weights[i] = (float)((double)train.Length / ((double)presentGroups * classesPerGroup[g] * counts[g, labels[i]]));
        }

        // Validation windows are weighted as the training windows of their cell, or by their class's mean when the
        // cell has no training window.
        var byClass = MeanByClass(labels, train, weights, classes);
        var inTrain = new bool[labels.Length];
        foreach (var i in train)
        {
            inTrain[i] = true;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (!inTrain[i])
            {
                var g = groups[i];
                weights[i] = g < groupCount && counts[g, labels[i]] > 0
                    ? (float)((double)train.Length / ((double)presentGroups * classesPerGroup[g] * counts[g, labels[i]]))
                    : byClass[labels[i]];
            }
        }

        return weights;
    }

    /// <summary>
    /// <paramref name="indices"/> with each group's windows repeated (at most <paramref name="maxFactor"/> times in
    /// all) so every group comes near the largest group's count; sorted, like the split's index lists.
    /// </summary>
    public static int[] Oversample(int[] indices, int[] groups, int maxFactor)
    {
        var byGroup = indices.GroupBy(i => groups[i]).ToList();
        var largest = byGroup.Max(g => g.Count());
        var result = new List<int>(indices.Length);
        foreach (var group in byGroup)
        {
            var factor = Math.Clamp((int)Math.Round((double)largest / group.Count()), 1, maxFactor);
            for (var r = 0; r < factor; r++)
            {
                result.AddRange(group);
            }
        }

        result.Sort();
        return [.. result];
    }

    /// <summary>The mean training weight of each class (1 for a class without training windows), as the manifest records it.</summary>
    public static float[] MeanByClass(int[] labels, int[] train, float[] weights, int classes)
    {
        var sums = new double[classes];
        var counts = new int[classes];
        foreach (var i in train)
        {
            sums[labels[i]] += weights[i];
            counts[labels[i]]++;
        }

        var means = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            means[c] = counts[c] > 0 ? (float)(sums[c] / counts[c]) : 1f;
        }

        return means;
    }
}

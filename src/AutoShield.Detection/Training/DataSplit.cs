namespace AutoShield.Detection.Training;

/// <summary>Seeded stratified train/validation split.</summary>
internal static class DataSplit
{
    /// <summary>
    /// Holds out round(fraction · n_c) windows of each class c, keeping at least one per class for training.
    /// Both index lists come back sorted, so the split does not depend on enumeration order.
    /// </summary>
    public static (int[] Train, int[] Validation) Stratified(int[] labels, int classes, float fraction, Random random)
    {
        var byClass = new List<int>[classes];
        for (var c = 0; c < classes; c++)
        {
            byClass[c] = [];
        }

        for (var i = 0; i < labels.Length; i++)
        {
            byClass[labels[i]].Add(i);
        }

        var train = new List<int>(labels.Length);
        var validation = new List<int>();
        foreach (var members in byClass)
        {
            var shuffled = members.ToArray();
            random.Shuffle(shuffled);
            var held = Math.Min((int)Math.Round(fraction * shuffled.Length), shuffled.Length - 1);
            held = Math.Max(held, 0);
            validation.AddRange(shuffled.AsSpan(0, held));
            train.AddRange(shuffled.AsSpan(held));
        }

        train.Sort();
        validation.Sort();
        return (train.ToArray(), validation.ToArray());
    }
}

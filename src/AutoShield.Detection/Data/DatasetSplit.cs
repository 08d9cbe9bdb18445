namespace AutoShield.Detection.Data;

/// <summary>Window indices of the two sides of a split, and how many test windows were dropped for sharing rows with training windows.</summary>
public sealed record DatasetSplit(int[] Train, int[] Test, int Purged);

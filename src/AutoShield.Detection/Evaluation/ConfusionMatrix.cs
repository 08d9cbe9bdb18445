namespace AutoShield.Detection.Evaluation;

/// <summary>Counts of true class (rows, <see cref="Truth"/>) against predicted class (columns, <see cref="Predicted"/>).</summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Truth, IReadOnlyList<string> Predicted, IReadOnlyList<IReadOnlyList<int>> Counts);

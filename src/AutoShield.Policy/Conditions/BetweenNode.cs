namespace AutoShield.Policy.Conditions;

/// <summary><c>field between low and high</c>, both ends inclusive (<c>time.hour between 9 and 17</c> includes 17:59).</summary>
public sealed record BetweenNode(FieldRef Field, Literal Low, Literal High, int Offset) : ConditionNode(Offset);

namespace AutoShield.Policy.Conditions;

/// <summary>The literal <c>true</c> or <c>false</c>.</summary>
public sealed record BoolNode(bool Value, int Offset) : ConditionNode(Offset);

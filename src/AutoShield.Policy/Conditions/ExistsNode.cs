namespace AutoShield.Policy.Conditions;

/// <summary><c>field exists</c>: true when the field has a value (a feature the source measured, a label that is set).</summary>
public sealed record ExistsNode(FieldRef Field, int Offset) : ConditionNode(Offset);

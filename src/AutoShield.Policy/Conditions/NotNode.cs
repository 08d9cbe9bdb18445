namespace AutoShield.Policy.Conditions;

/// <summary>Negates its operand.</summary>
public sealed record NotNode(ConditionNode Operand, int Offset) : ConditionNode(Offset);

namespace AutoShield.Policy.Conditions;

/// <summary>True when every operand is true; evaluation stops at the first false one.</summary>
public sealed record AndNode(IReadOnlyList<ConditionNode> Operands, int Offset) : ConditionNode(Offset);

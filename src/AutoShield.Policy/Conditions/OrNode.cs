namespace AutoShield.Policy.Conditions;

/// <summary>True when any operand is true; evaluation stops at the first true one.</summary>
public sealed record OrNode(IReadOnlyList<ConditionNode> Operands, int Offset) : ConditionNode(Offset);

namespace AutoShield.Policy.Conditions;

/// <summary>A node of a parsed condition; <see cref="Offset"/> points at its first character in the condition text.</summary>
public abstract record ConditionNode(int Offset);

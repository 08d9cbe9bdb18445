namespace AutoShield.Policy.Conditions;

/// <summary><c>field in [a, b, c]</c> or <c>field not in (...)</c>.</summary>
public sealed record InNode(FieldRef Field, IReadOnlyList<Literal> Values, bool Negated, int Offset) : ConditionNode(Offset);

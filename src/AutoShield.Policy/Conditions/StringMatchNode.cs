namespace AutoShield.Policy.Conditions;

/// <summary><c>field contains|startswith|endswith|matches 'text'</c>, optionally negated with <c>not</c> before the operator.</summary>
public sealed record StringMatchNode(FieldRef Field, StringOperator Operator, Literal Pattern, bool Negated, int Offset) : ConditionNode(Offset);

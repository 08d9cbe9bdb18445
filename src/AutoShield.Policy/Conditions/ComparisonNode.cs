namespace AutoShield.Policy.Conditions;

/// <summary><c>field op literal</c>, for example <c>features.bytes_sent &gt; 10000000</c>.</summary>
public sealed record ComparisonNode(FieldRef Field, ComparisonOperator Operator, Literal Value, int Offset) : ConditionNode(Offset);

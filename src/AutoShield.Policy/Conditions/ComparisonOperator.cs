namespace AutoShield.Policy.Conditions;

/// <summary>The comparison operators: <c>== != &lt; &lt;= &gt; &gt;=</c>.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

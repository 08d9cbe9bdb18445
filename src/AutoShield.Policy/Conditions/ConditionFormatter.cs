using System.Text;

namespace AutoShield.Policy.Conditions;

/// <summary>Writes a syntax tree back as condition text, fully parenthesised where precedence needs it; parsing the result gives the same tree shape.</summary>
public static class ConditionFormatter
{
    public static string Format(ConditionNode node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, ConditionNode node, int parentPrecedence)
    {
        switch (node)
        {
            case OrNode or:
                Join(sb, or.Operands, " OR ", 1, parentPrecedence);
                break;
            case AndNode and:
                Join(sb, and.Operands, " AND ", 2, parentPrecedence);
                break;
            case NotNode not:
                sb.Append("NOT ");
                Write(sb, not.Operand, 3);
                break;
            case BoolNode b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case ComparisonNode c:
                sb.Append(c.Field.Path).Append(' ').Append(Symbol(c.Operator)).Append(' ').Append(Quote(c.Value));
                break;
            case BetweenNode b:
                sb.Append(b.Field.Path).Append(" between ").Append(Quote(b.Low)).Append(" and ").Append(Quote(b.High));
                break;
            case InNode i:
                sb.Append(i.Field.Path).Append(i.Negated ? " not in [" : " in [").AppendJoin(", ", i.Values.Select(Quote)).Append(']');
                break;
            case StringMatchNode s:
                sb.Append(s.Field.Path).Append(s.Negated ? " not " : " ").Append(s.Operator.ToString().ToLowerInvariant()).Append(' ').Append(Quote(s.Pattern));
                break;
            case ExistsNode e:
                sb.Append(e.Field.Path).Append(" exists");
                break;
            default:
                throw new ArgumentException($"unknown node {node.GetType().Name}", nameof(node));
        }
    }

    private static void Join(StringBuilder sb, IReadOnlyList<ConditionNode> operands, string separator, int precedence, int parentPrecedence)
    {
        var parenthesise = parentPrecedence >= precedence;
        if (parenthesise)
        {
            sb.Append('(');
        }

        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(separator);
            }

            Write(sb, operands[i], precedence);
        }

        if (parenthesise)
        {
            sb.Append(')');
        }
    }

    /// <summary>The operator as written in conditions.</summary>
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    private static string Quote(Literal literal) =>
        literal.IsNumber ? literal.Text : "'" + literal.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}

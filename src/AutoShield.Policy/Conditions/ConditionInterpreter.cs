using System.Globalization;
using System.Text.RegularExpressions;

namespace AutoShield.Policy.Conditions;

/// <summary>
/// Evaluates a bound condition tree by walking it, looking fields up by path on every visit. The compiled delegate
/// is what decisions use; this is the reference it is tested against, the peer in the benchmark, and the source of
/// "which clause failed" explanations.
/// </summary>
public sealed class ConditionInterpreter<TContext>
{
    private readonly ConditionNode _root;
    private readonly IReadOnlyDictionary<string, FieldAccessor<TContext>> _fields;
    private readonly IReadOnlyDictionary<StringMatchNode, Regex> _regexes;

    internal ConditionInterpreter(ConditionNode root, IReadOnlyDictionary<string, FieldAccessor<TContext>> fields, IReadOnlyDictionary<StringMatchNode, Regex> regexes)
    {
        _root = root;
        _fields = fields;
        _regexes = regexes;
    }

    public bool Evaluate(TContext context) => Visit(_root, context, null);

    /// <summary>Evaluates and appends every leaf clause visited to <paramref name="trace"/>.</summary>
    public bool Evaluate(TContext context, List<ClauseResult> trace) => Visit(_root, context, trace);

    private bool Visit(ConditionNode node, TContext context, List<ClauseResult>? trace)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var operand in and.Operands)
                {
                    if (!Visit(operand, context, trace))
                    {
                        return false;
                    }
                }

                return true;
            case OrNode or:
                foreach (var operand in or.Operands)
                {
                    if (Visit(operand, context, trace))
                    {
                        return true;
                    }
                }

                return false;
            case NotNode not:
                return !Visit(not.Operand, context, trace);
            case BoolNode b:
                return b.Value;
            default:
                var (result, value) = Leaf(node, context);
                trace?.Add(new ClauseResult(ConditionFormatter.Format(node), value, result));
                return result;
        }
    }

    private (bool Result, string Value) Leaf(ConditionNode node, TContext context)
    {
        var fieldRef = node switch
        {
            ComparisonNode c => c.Field,
            BetweenNode b => b.Field,
            InNode i => i.Field,
            StringMatchNode m => m.Field,
            ExistsNode e => e.Field,
            _ => throw new InvalidOperationException($"unexpected node {node.GetType().Name}"),
        };
        var field = _fields[fieldRef.Path];
        if (field.Type == FieldType.Number)
        {
            var x = field.Number!(context);
            var shown = double.IsNaN(x) ? "missing" : $"{field.Path} = {x.ToString("G", CultureInfo.InvariantCulture)}";
            return (!double.IsNaN(x) && NumberLeaf(node, field, x), shown);
        }

        var s = field.Text!(context);
        return (s is not null && StringLeaf(node, s), s is null ? "missing" : $"{field.Path} = '{s}'");
    }

    private static bool NumberLeaf(ConditionNode node, FieldAccessor<TContext> field, double x) => node switch
    {
        ComparisonNode c => c.Operator switch
        {
            ComparisonOperator.Equal => x == Number(field, c.Value),
            ComparisonOperator.NotEqual => x != Number(field, c.Value),
            ComparisonOperator.Less => x < Number(field, c.Value),
            ComparisonOperator.LessOrEqual => x <= Number(field, c.Value),
            ComparisonOperator.Greater => x > Number(field, c.Value),
            _ => x >= Number(field, c.Value),
        },
        BetweenNode b => x >= Number(field, b.Low) && x <= Number(field, b.High),
        InNode i => i.Values.Any(v => Number(field, v) == x) != i.Negated,
        ExistsNode => true,
        _ => false,
    };

    private bool StringLeaf(ConditionNode node, string s) => node switch
    {
        ComparisonNode c => string.Equals(s, c.Value.Text, StringComparison.Ordinal) == (c.Operator == ComparisonOperator.Equal),
        InNode i => i.Values.Any(v => string.Equals(v.Text, s, StringComparison.Ordinal)) != i.Negated,
        StringMatchNode m => m.Operator switch
        {
            StringOperator.Contains => s.Contains(m.Pattern.Text, StringComparison.Ordinal),
            StringOperator.StartsWith => s.StartsWith(m.Pattern.Text, StringComparison.Ordinal),
            StringOperator.EndsWith => s.EndsWith(m.Pattern.Text, StringComparison.Ordinal),
            _ => _regexes[m].IsMatch(s),
        } != m.Negated,
        ExistsNode => true,
        _ => false,
    };

    private static double Number(FieldAccessor<TContext> field, Literal literal) =>
        literal.IsNumber ? literal.Number : field.Symbols!(literal.Text)!.Value;
}

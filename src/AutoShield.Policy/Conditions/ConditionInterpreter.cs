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
                for (var i = 0; i < and.Operands.Count; i++)
                {
                    if (!Visit(and.Operands[i], context, trace))
                    {
                        return false;
                    }
                }

                return true;
            case OrNode or:
                for (var i = 0; i < or.Operands.Count; i++)
                {
                    if (Visit(or.Operands[i], context, trace))
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
                var result = Leaf(node, context, trace is not null, out var value);
                trace?.Add(new ClauseResult(ConditionFormatter.Format(node), value!, result));
                return result;
        }
    }

    /// <summary>Evaluates a leaf; the value text for explanations is built only when <paramref name="describe"/> asks for it.</summary>
    private bool Leaf(ConditionNode node, TContext context, bool describe, out string? value)
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
            value = !describe ? null : double.IsNaN(x) ? "missing" : $"{field.Path} = {x.ToString("G", CultureInfo.InvariantCulture)}";
            return !double.IsNaN(x) && NumberLeaf(node, field, x);
        }

        var s = field.Text!(context);
        value = !describe ? null : s is null ? "missing" : $"{field.Path} = '{s}'";
        return s is not null && StringLeaf(node, s);
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
        InNode i => ContainsNumber(i.Values, field, x) != i.Negated,
        ExistsNode => true,
        _ => false,
    };

    private bool StringLeaf(ConditionNode node, string s) => node switch
    {
        ComparisonNode c => string.Equals(s, c.Value.Text, StringComparison.Ordinal) == (c.Operator == ComparisonOperator.Equal),
        InNode i => ContainsText(i.Values, s) != i.Negated,
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

    private static bool ContainsNumber(IReadOnlyList<Literal> values, FieldAccessor<TContext> field, double x)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Number(field, values[i]) == x)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsText(IReadOnlyList<Literal> values, string s)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i].Text, s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static double Number(FieldAccessor<TContext> field, Literal literal) =>
        literal.IsNumber ? literal.Number : field.Symbols!(literal.Text)!.Value;
}

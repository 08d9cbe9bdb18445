using System.Text.RegularExpressions;

namespace AutoShield.Policy.Conditions;

/// <summary>
/// Turns condition text into a delegate over <typeparamref name="TContext"/>: parsed once, every field bound and
/// every literal type-checked at load time (unknown fields and mismatches are errors with their column), then
/// composed from small closures specialised per operator so evaluation does no lookups and no allocation.
/// </summary>
public sealed class ConditionCompiler<TContext>
{
    private readonly string _text;
    private readonly IFieldBinder<TContext> _binder;
    private readonly Dictionary<string, FieldAccessor<TContext>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<StringMatchNode, Regex> _regexes = [];

    private ConditionCompiler(string text, IFieldBinder<TContext> binder)
    {
        _text = text;
        _binder = binder;
    }

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="ConditionException"/> with the error's position.</summary>
    public static CompiledCondition<TContext> Compile(string text, IFieldBinder<TContext> binder)
    {
        var root = ConditionParser.Parse(text);
        var compiler = new ConditionCompiler<TContext>(text, binder);
        var evaluate = compiler.Build(root);
        var interpreter = new ConditionInterpreter<TContext>(root, compiler._fields, compiler._regexes);
        return new CompiledCondition<TContext>(text, root, evaluate, interpreter, [.. compiler._fields.Keys]);
    }

    /// <summary>Compiles without throwing: false and the error when the text is not a valid condition for this binder.</summary>
    public static bool TryCompile(string text, IFieldBinder<TContext> binder, out CompiledCondition<TContext>? condition, out ConditionError? error)
    {
        try
        {
            condition = Compile(text, binder);
            error = null;
            return true;
        }
        catch (ConditionException ex)
        {
            condition = null;
            error = ex.Error;
            return false;
        }
    }

    private Func<TContext, bool> Build(ConditionNode node) => node switch
    {
        AndNode and => BuildAnd([.. and.Operands.Select(Build)]),
        OrNode or => BuildOr([.. or.Operands.Select(Build)]),
        NotNode not => Negate(Build(not.Operand)),
        BoolNode b => b.Value ? static _ => true : static _ => false,
        ComparisonNode c => BuildComparison(c),
        BetweenNode b => BuildBetween(b),
        InNode i => BuildIn(i),
        StringMatchNode s => BuildMatch(s),
        ExistsNode e => BuildExists(Bind(e.Field)),
        _ => throw Fail(node.Offset, "unsupported condition"),
    };

    private static Func<TContext, bool> Negate(Func<TContext, bool> inner) => c => !inner(c);

    private static Func<TContext, bool> BuildAnd(Func<TContext, bool>[] parts)
    {
        if (parts.Length == 2)
        {
            var (a, b) = (parts[0], parts[1]);
            return c => a(c) && b(c);
        }

        if (parts.Length == 3)
        {
            var (a, b, d) = (parts[0], parts[1], parts[2]);
            return c => a(c) && b(c) && d(c);
        }

        return c =>
        {
            foreach (var part in parts)
            {
                if (!part(c))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static Func<TContext, bool> BuildOr(Func<TContext, bool>[] parts)
    {
        if (parts.Length == 2)
        {
            var (a, b) = (parts[0], parts[1]);
            return c => a(c) || b(c);
        }

        return c =>
        {
            foreach (var part in parts)
            {
                if (part(c))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private Func<TContext, bool> BuildComparison(ComparisonNode node)
    {
        var field = Bind(node.Field);
        if (field.Type == FieldType.Number)
        {
            var read = field.Number!;
            var v = NumberOf(field, node.Value);
            return node.Operator switch
            {
                ComparisonOperator.Equal => c => read(c) == v,
                ComparisonOperator.NotEqual => c => read(c) is var x && !double.IsNaN(x) && x != v,
                ComparisonOperator.Less => c => read(c) < v,
                ComparisonOperator.LessOrEqual => c => read(c) <= v,
                ComparisonOperator.Greater => c => read(c) > v,
                _ => c => read(c) >= v,
            };
        }

        var text = field.Text!;
        var s = node.Value.Text;
        return node.Operator switch
        {
            ComparisonOperator.Equal => c => string.Equals(text(c), s, StringComparison.Ordinal),
            ComparisonOperator.NotEqual => c => text(c) is { } x && !string.Equals(x, s, StringComparison.Ordinal),
            _ => throw Fail(node.Value.Offset, $"{field.Path} is a string: use ==, !=, in, contains, startswith, endswith or matches, not {ConditionFormatter.Symbol(node.Operator)}"),
        };
    }

    private Func<TContext, bool> BuildBetween(BetweenNode node)
    {
        var field = Bind(node.Field);
        if (field.Type != FieldType.Number)
        {
            throw Fail(node.Field.Offset, $"{field.Path} is a string: between needs a number field");
        }

        var low = NumberOf(field, node.Low);
        var high = NumberOf(field, node.High);
        if (low > high)
        {
            throw Fail(node.Low.Offset, $"between {node.Low.Text} and {node.High.Text}: the low bound is above the high bound");
        }

        var read = field.Number!;
        return c => read(c) is var x && x >= low && x <= high;
    }

    private Func<TContext, bool> BuildIn(InNode node)
    {
        var field = Bind(node.Field);
        if (field.Type == FieldType.Number)
        {
            var values = node.Values.Select(v => NumberOf(field, v)).ToArray();
            var read = field.Number!;
            return node.Negated
                ? c => read(c) is var x && !double.IsNaN(x) && Array.IndexOf(values, x) < 0
                : c => Array.IndexOf(values, read(c)) >= 0;
        }

        var set = node.Values.Select(v => v.Text).ToHashSet(StringComparer.Ordinal);
        var text = field.Text!;
        return node.Negated
            ? c => text(c) is { } x && !set.Contains(x)
            : c => text(c) is { } x && set.Contains(x);
    }

    private Func<TContext, bool> BuildMatch(StringMatchNode node)
    {
        var field = Bind(node.Field);
        if (field.Type != FieldType.String)
        {
            throw Fail(node.Field.Offset, $"{field.Path} is a number: {node.Operator.ToString().ToLowerInvariant()} needs a string field");
        }

        var text = field.Text!;
        var p = node.Pattern.Text;
        Func<string, bool> test = node.Operator switch
        {
            StringOperator.Contains => x => x.Contains(p, StringComparison.Ordinal),
            StringOperator.StartsWith => x => x.StartsWith(p, StringComparison.Ordinal),
            StringOperator.EndsWith => x => x.EndsWith(p, StringComparison.Ordinal),
            _ => Regex(node).IsMatch,
        };
        return node.Negated ? c => text(c) is { } x && !test(x) : c => text(c) is { } x && test(x);
    }

    private static Func<TContext, bool> BuildExists(FieldAccessor<TContext> field)
    {
        if (field.Type == FieldType.Number)
        {
            var read = field.Number!;
            return c => !double.IsNaN(read(c));
        }

        var text = field.Text!;
        return c => text(c) is not null;
    }

    private Regex Regex(StringMatchNode node)
    {
        try
        {
            // Non-backtracking: a pattern from a policy file must not be able to stall the decision path.
            var regex = new Regex(node.Pattern.Text, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            _regexes[node] = regex;
            return regex;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw Fail(node.Pattern.Offset, $"'{node.Pattern.Text}' is not a supported regular expression: {ex.Message}");
        }
    }

    private FieldAccessor<TContext> Bind(FieldRef field)
    {
        if (_fields.TryGetValue(field.Path, out var known))
        {
            return known;
        }

        if (!_binder.TryBind(field.Path, out var accessor, out var error))
        {
            throw Fail(field.Offset, error);
        }

        _fields[field.Path] = accessor;
        return accessor;
    }

    private double NumberOf(FieldAccessor<TContext> field, Literal literal)
    {
        if (literal.IsNumber)
        {
            return literal.Number;
        }

        return field.Symbols?.Invoke(literal.Text)
            ?? throw Fail(literal.Offset, $"{field.Path} is a number; '{literal.Text}' is a string");
    }

    private ConditionException Fail(int offset, string message) => new(ConditionError.At(_text, offset, message));
}

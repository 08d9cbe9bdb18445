namespace AutoShield.Policy.Conditions;

/// <summary>
/// Recursive-descent parser of the condition language (grammar in docs/policies.md): OR binds looser than AND,
/// AND looser than NOT; parentheses group.
/// </summary>
public sealed class ConditionParser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _position;

    private ConditionParser(string text)
    {
        _text = text;
        _tokens = ConditionLexer.Tokenize(text);
    }

    /// <summary>Parses <paramref name="text"/> into its syntax tree.</summary>
    /// <exception cref="ConditionException">On a syntax error, with its offset.</exception>
    public static ConditionNode Parse(string text)
    {
        var parser = new ConditionParser(text);
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw parser.Fail(parser.Peek, "the condition is empty");
        }

        var node = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Fail(parser.Peek, $"unexpected '{parser.Peek.Text}': expected AND, OR or the end of the condition");
        }

        return node;
    }

    private Token Peek => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private ConditionNode ParseOr()
    {
        var first = ParseAnd();
        if (Peek.Kind != TokenKind.Or)
        {
            return first;
        }

        var operands = new List<ConditionNode> { first };
        while (Peek.Kind == TokenKind.Or)
        {
            Next();
            operands.Add(ParseAnd());
        }

        return new OrNode(operands, first.Offset);
    }

    private ConditionNode ParseAnd()
    {
        var first = ParseUnary();
        if (Peek.Kind != TokenKind.And)
        {
            return first;
        }

        var operands = new List<ConditionNode> { first };
        while (Peek.Kind == TokenKind.And)
        {
            Next();
            operands.Add(ParseUnary());
        }

        return new AndNode(operands, first.Offset);
    }

    private ConditionNode ParseUnary()
    {
        if (Peek.Kind == TokenKind.Not)
        {
            var not = Next();
            return new NotNode(ParseUnary(), not.Offset);
        }

        return ParsePrimary();
    }

    private ConditionNode ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.LeftParen:
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')' to close the '(' at column " + (token.Offset + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return inner;
            case TokenKind.True:
                return new BoolNode(true, token.Offset);
            case TokenKind.False:
                return new BoolNode(false, token.Offset);
            case TokenKind.Identifier:
                return ParsePredicate(new FieldRef(token.Text, token.Offset));
            case TokenKind.End:
                throw Fail(token, "the condition ends too early: expected a field, NOT or '('");
            default:
                throw Fail(token, $"unexpected '{token.Text}': expected a field such as features.bytes_sent, NOT or '('");
        }
    }

    private ConditionNode ParsePredicate(FieldRef field)
    {
        var op = Next();
        switch (op.Kind)
        {
            case TokenKind.Equal:
                return new ComparisonNode(field, ComparisonOperator.Equal, ParseLiteral(), field.Offset);
            case TokenKind.NotEqual:
                return new ComparisonNode(field, ComparisonOperator.NotEqual, ParseLiteral(), field.Offset);
            case TokenKind.Less:
                return new ComparisonNode(field, ComparisonOperator.Less, ParseLiteral(), field.Offset);
            case TokenKind.LessOrEqual:
                return new ComparisonNode(field, ComparisonOperator.LessOrEqual, ParseLiteral(), field.Offset);
            case TokenKind.Greater:
                return new ComparisonNode(field, ComparisonOperator.Greater, ParseLiteral(), field.Offset);
            case TokenKind.GreaterOrEqual:
                return new ComparisonNode(field, ComparisonOperator.GreaterOrEqual, ParseLiteral(), field.Offset);
            case TokenKind.Between:
                var low = ParseLiteral();
                Expect(TokenKind.And, "'and' between the two bounds (between 9 and 17)");
                return new BetweenNode(field, low, ParseLiteral(), field.Offset);
            case TokenKind.In:
                return new InNode(field, ParseList(), false, field.Offset);
            case TokenKind.Exists:
                return new ExistsNode(field, field.Offset);
            case TokenKind.Not:
                return ParseNegated(field);
            case TokenKind.Contains or TokenKind.StartsWith or TokenKind.EndsWith or TokenKind.Matches:
                return new StringMatchNode(field, StringOp(op.Kind), ParseLiteral(), false, field.Offset);
            default:
                throw Fail(op, $"expected an operator after {field.Path} (==, !=, <, <=, >, >=, between, in, contains, startswith, endswith, matches, exists), got '{Describe(op)}'");
        }
    }

    private ConditionNode ParseNegated(FieldRef field)
    {
        var op = Next();
        return op.Kind switch
        {
            TokenKind.In => new InNode(field, ParseList(), true, field.Offset),
            TokenKind.Contains or TokenKind.StartsWith or TokenKind.EndsWith or TokenKind.Matches =>
                new StringMatchNode(field, StringOp(op.Kind), ParseLiteral(), true, field.Offset),
            _ => throw Fail(op, $"expected in, contains, startswith, endswith or matches after 'not', got '{Describe(op)}'"),
        };
    }

    private List<Literal> ParseList()
    {
        var open = Next();
        var close = open.Kind switch
        {
            TokenKind.LeftBracket => TokenKind.RightBracket,
            TokenKind.LeftParen => TokenKind.RightParen,
            _ => throw Fail(open, $"expected a list such as [1, 2] or ('a', 'b') after 'in', got '{Describe(open)}'"),
        };
        var values = new List<Literal> { ParseLiteral() };
        while (Peek.Kind == TokenKind.Comma)
        {
            Next();
            values.Add(ParseLiteral());
        }

        Expect(close, close == TokenKind.RightBracket ? "',' or ']'" : "',' or ')'");
        return values;
    }

    private Literal ParseLiteral()
    {
        var token = Next();
        return token.Kind switch
        {
            TokenKind.Number => new Literal(true, token.Number, token.Text, token.Offset),
            TokenKind.String => new Literal(false, 0, token.Text, token.Offset),
            // Bare words are accepted as strings so `detection.class == PORT_SCAN` and `time.weekday in [sat, sun]` read naturally.
            TokenKind.Identifier => new Literal(false, 0, token.Text, token.Offset),
            _ => throw Fail(token, $"expected a number or a string, got '{Describe(token)}'"),
        };
    }

    private void Expect(TokenKind kind, string what)
    {
        var token = Next();
        if (token.Kind != kind)
        {
            throw Fail(token, $"expected {what}, got '{Describe(token)}'");
        }
    }

    private static StringOperator StringOp(TokenKind kind) => kind switch
    {
        TokenKind.Contains => StringOperator.Contains,
        TokenKind.StartsWith => StringOperator.StartsWith,
        TokenKind.EndsWith => StringOperator.EndsWith,
        _ => StringOperator.Matches,
    };

    private static string Describe(Token token) => token.Kind == TokenKind.End ? "end of condition" : token.Text;

    private ConditionException Fail(Token token, string message) => new(ConditionError.At(_text, token.Offset, message));
}

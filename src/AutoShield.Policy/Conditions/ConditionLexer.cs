using System.Globalization;

namespace AutoShield.Policy.Conditions;

/// <summary>
/// Splits a condition into tokens. Keywords are case-insensitive (<c>AND</c>, <c>and</c>); <c>&amp;&amp;</c>,
/// <c>||</c> and <c>!</c> are accepted for AND, OR and NOT; numbers may use <c>_</c> between digits.
/// </summary>
public static class ConditionLexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["between"] = TokenKind.Between,
        ["in"] = TokenKind.In,
        ["contains"] = TokenKind.Contains,
        ["startswith"] = TokenKind.StartsWith,
        ["starts_with"] = TokenKind.StartsWith,
        ["endswith"] = TokenKind.EndsWith,
        ["ends_with"] = TokenKind.EndsWith,
        ["matches"] = TokenKind.Matches,
        ["exists"] = TokenKind.Exists,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
    };

    /// <summary>Tokenizes <paramref name="text"/>; the last token is always <see cref="TokenKind.End"/>.</summary>
    /// <exception cref="ConditionException">On a character or literal the language does not have.</exception>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, 0, string.Empty));
                return tokens;
            }

            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (char.IsAsciiDigit(c) || ((c == '-' || c == '.') && char.IsAsciiDigit(next)))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(ReadWord(text, ref i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                tokens.Add(ReadSymbol(text, ref i, c, next));
            }
        }
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or '_' or 'e' or 'E'
            || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E')))
        {
            i++;
        }

        var raw = text[start..i];
        var cleaned = raw.Replace("_", string.Empty, StringComparison.Ordinal);
        if (!double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Fail(text, start, $"'{raw}' is not a number");
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            throw Fail(text, i, $"unexpected '{text[i]}' after the number {raw}");
        }

        return new Token(TokenKind.Number, start, i - start, raw, value);
    }

    private static Token ReadWord(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-' or '/'))
        {
            i++;
        }

        var word = text[start..i];
        if (word.EndsWith('.'))
        {
            throw Fail(text, i - 1, $"'{word}' ends with '.': expected a field name after it");
        }

        return Keywords.TryGetValue(word, out var kind)
            ? new Token(kind, start, i - start, word)
            : new Token(TokenKind.Identifier, start, i - start, word);
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i;
        var quote = text[i++];
        var value = new System.Text.StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            value.Append(text[i++]);
        }

        if (i >= text.Length)
        {
            throw Fail(text, start, $"string starting here has no closing {quote}");
        }

        i++;
        return new Token(TokenKind.String, start, i - start, value.ToString());
    }

    private static Token ReadSymbol(string text, ref int i, char c, char next)
    {
        var start = i;
        (TokenKind Kind, int Length)? symbol = (c, next) switch
        {
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('=', '=') => (TokenKind.Equal, 2),
            ('=', _) => (TokenKind.Equal, 1),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '>') => (TokenKind.NotEqual, 2),
            ('!', _) => (TokenKind.Not, 1),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('>', _) => (TokenKind.Greater, 1),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            _ => null,
        };
        if (symbol is not { } s)
        {
            throw Fail(text, start, $"unexpected character '{c}'");
        }

        i += s.Length;
        return new Token(s.Kind, start, s.Length, text.Substring(start, s.Length));
    }

    private static ConditionException Fail(string text, int offset, string message) => new(ConditionError.At(text, offset, message));
}

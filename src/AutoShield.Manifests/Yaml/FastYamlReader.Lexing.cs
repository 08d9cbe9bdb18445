namespace AutoShield.Manifests.Yaml;

/// <summary>Line and token recognition.</summary>
internal sealed partial class FastYamlReader
{
    /// <summary>Reads a block mapping key ending in <c>:</c>; <paramref name="valueAt"/> is just past the colon.</summary>
    private bool TryKey(ReadOnlySpan<char> line, int p, out ManifestNode key, out int valueAt)
    {
        key = null!;
        valueAt = 0;
        int end;
        ManifestNode? node;
        if (line[p] == '"')
        {
            node = DoubleQuoted(line, p, out end);
        }
        else if (line[p] == '\'')
        {
            node = SingleQuoted(line, p, out end);
        }
        else
        {
            var colon = KeyColon(line, p);
            if (colon < 0)
            {
                return false;
            }

            var last = colon - 1;
            while (last > p && line[last] == ' ')
            {
                last--;
            }

            node = Scalar(line[p..(last + 1)], p, plain: true, isKey: true);
            end = colon;
        }

        if (node is null)
        {
            return false;
        }

        var q = SkipSpaces(line, end);
        if (q >= line.Length || line[q] != ':' || (q + 1 < line.Length && line[q + 1] != ' '))
        {
            return false;
        }

        key = node;
        valueAt = q + 1;
        return true;
    }

    /// <summary>The colon that ends a plain block key starting at <paramref name="p"/>, or -1.</summary>
    private static int KeyColon(ReadOnlySpan<char> line, int p)
    {
        if (IsIndicator(line, p) || line[p] is '[' or '{' or ']' or '}' or ',')
        {
            return -1;
        }

        for (var i = p; i < line.Length; i++)
        {
            if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] == ' '))
            {
                return i;
            }

            if (line[i] == '#' && i > p && line[i - 1] == ' ')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsKeyStart(ReadOnlySpan<char> line, int p)
    {
        if (line[p] is '"' or '\'')
        {
            var quote = line[p];
            var close = line[(p + 1)..].IndexOf(quote);
            return close >= 0 && line[(p + 2 + close)..].TrimStart().StartsWith(":");
        }

        return KeyColon(line, p) >= 0;
    }

    private static bool IsDash(ReadOnlySpan<char> line, int p) => line[p] == '-' && (p + 1 == line.Length || line[p + 1] == ' ');

    /// <summary>A character YAML reserves at the start of a plain scalar (or one this reader leaves to YamlDotNet).</summary>
    private static bool IsIndicator(ReadOnlySpan<char> line, int p)
    {
        var c = line[p];
        if (c is '-' or '?' or ':')
        {
            return p + 1 == line.Length || line[p + 1] == ' ';
        }

        return c is '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '#' or '"' or '\'' or ',' or '[' or ']' or '{' or '}';
    }

    private static bool RestIsComment(ReadOnlySpan<char> line, int p)
    {
        var q = SkipSpaces(line, p);
        return q == line.Length || (line[q] == '#' && q > p);
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int p)
    {
        while (p < line.Length && line[p] == ' ')
        {
            p++;
        }

        return p;
    }

    private bool NextLine()
    {
        if (_next >= _text.Length)
        {
            return false;
        }

        _lineStart = _next;
        var nl = _text.IndexOf('\n', _next);
        _lineEnd = nl < 0 ? _text.Length : nl;
        _next = nl < 0 ? _text.Length : nl + 1;
        if (_lineEnd > _lineStart && _text[_lineEnd - 1] == '\r')
        {
            _lineEnd--;
        }

        _lineNo++;
        return true;
    }

    private bool PeekLine(out int start, out int end)
    {
        start = _next;
        end = _next;
        if (_next >= _text.Length)
        {
            return false;
        }

        var nl = _text.IndexOf('\n', _next);
        end = nl < 0 ? _text.Length : nl;
        if (end > start && _text[end - 1] == '\r')
        {
            end--;
        }

        return true;
    }
}

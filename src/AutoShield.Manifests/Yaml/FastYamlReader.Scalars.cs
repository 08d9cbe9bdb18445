using System.Globalization;
using System.Text;

namespace AutoShield.Manifests.Yaml;

/// <summary>Scalars: plain, quoted and block.</summary>
internal sealed partial class FastYamlReader
{
    private ManifestNode? PlainBlock(ReadOnlySpan<char> line, int p, out int end)
    {
        end = p;
        var last = p;
        for (var i = p; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch == '#' && line[i - 1] == ' ')
            {
                break;
            }

            if (ch == ':' && (i + 1 == line.Length || line[i + 1] == ' '))
            {
                return null;
            }

            if (ch != ' ')
            {
                last = i;
            }

            end = i + 1;
        }

        end = last + 1;
        return Scalar(line[p..(last + 1)], p, plain: true, isKey: false);
    }

    private ManifestNode? BlockScalar(ReadOnlySpan<char> header, int p, int ownerIndent)
    {
        var folded = header[p] == '>';
        var chomp = ' ';
        var q = p + 1;
        if (q < header.Length && header[q] is '-' or '+')
        {
            chomp = header[q++];
        }

        if (!RestIsComment(header, q))
        {
            return null;
        }

        var line = _lineNo;
        var column = p + 1;
        var lines = new List<(int Start, int End, int Indent)>();
        var blockIndent = -1;
        while (PeekLine(out var start, out var endOfLine))
        {
            var span = _text.AsSpan(start, endOfLine - start);
            var spaces = 0;
            while (spaces < span.Length && span[spaces] == ' ')
            {
                spaces++;
            }

            var blank = spaces == span.Length;
            if (blank)
            {
                if (blockIndent >= 0 && spaces > blockIndent)
                {
                    return null;
                }

                lines.Add((start, endOfLine, -1));
                NextLine();
                continue;
            }

            if (blockIndent < 0)
            {
                if (spaces <= ownerIndent || span[spaces] == '\t')
                {
                    break;
                }

                blockIndent = spaces;
            }

            if (spaces < blockIndent)
            {
                break;
            }

            lines.Add((start, endOfLine, spaces));
            NextLine();
        }

        // Trailing blank lines belong to the scalar only for keep chomping; leading ones are newlines.
        var trailing = 0;
        while (trailing < lines.Count && lines[^(trailing + 1)].Indent < 0)
        {
            trailing++;
        }

        var content = lines.Count - trailing;
        var sb = new StringBuilder();
        for (var i = 0; i < content; i++)
        {
            var (start, endOfLine, spaces) = lines[i];
            if (i > 0)
            {
                sb.Append(folded ? ' ' : '\n');
            }

            if (spaces < 0)
            {
                if (folded)
                {
                    return null;
                }

                continue;
            }

            if (folded && spaces != blockIndent)
            {
                return null;
            }

            sb.Append(_text.AsSpan(start + blockIndent, endOfLine - start - blockIndent));
        }

        if (content > 0 && chomp != '-')
        {
            sb.Append('\n');
        }

        if (chomp == '+')
        {
            sb.Append('\n', trailing);
        }

        _noDeeperThan = int.MaxValue;
        Count();
        return new ManifestNode(NodeKind.Scalar, line, column, sb.ToString(), isPlain: false);
    }

    private ManifestNode? DoubleQuoted(ReadOnlySpan<char> line, int p, out int end)
    {
        end = p;
        StringBuilder? sb = null;
        var runStart = p + 1;
        for (var i = p + 1; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch == '"')
            {
                end = i + 1;
                var text = sb is null ? Text(line[runStart..i]) : sb.Append(line[runStart..i]).ToString();
                Count();
                return new ManifestNode(NodeKind.Scalar, _lineNo, p + 1, text, isPlain: false);
            }

            if (ch != '\\')
            {
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(line[runStart..i]);
            if (++i >= line.Length)
            {
                return null;
            }

            switch (line[i])
            {
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case '/': sb.Append('/'); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case ' ': sb.Append(' '); break;
                case 'u' when i + 4 < line.Length && ushort.TryParse(line.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u) && !char.IsSurrogate((char)u):
                    sb.Append((char)u);
                    i += 4;
                    break;
                default:
                    return null;
            }

            runStart = i + 1;
        }

        return null;
    }

    private ManifestNode? SingleQuoted(ReadOnlySpan<char> line, int p, out int end)
    {
        end = p;
        StringBuilder? sb = null;
        var runStart = p + 1;
        for (var i = p + 1; i < line.Length; i++)
        {
            if (line[i] != '\'')
            {
                continue;
            }

            if (i + 1 < line.Length && line[i + 1] == '\'')
            {
                (sb ??= new StringBuilder()).Append(line[runStart..(i + 1)]);
                runStart = i + 2;
                i++;
                continue;
            }

            end = i + 1;
            var text = sb is null ? Text(line[runStart..i]) : sb.Append(line[runStart..i]).ToString();
            Count();
            return new ManifestNode(NodeKind.Scalar, _lineNo, p + 1, text, isPlain: false);
        }

        return null;
    }

    private ManifestNode Scalar(ReadOnlySpan<char> text, int p, bool plain, bool isKey)
    {
        Count();
        string? value;
        if (!isKey && plain && text is "" or "~" or "null" or "Null" or "NULL")
        {
            value = null;
        }
        else
        {
            value = Text(text);
        }

        return new ManifestNode(NodeKind.Scalar, _lineNo, p + 1, value, plain);
    }

    /// <summary>
    /// Keys and short values repeat across thousands of objects (field names, "true", "TCP", image tags): one string
    /// per distinct text keeps allocation proportional to what is new, not to the input size.
    /// </summary>
    private string Text(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength)
        {
            return text.ToString();
        }

        if (!_stringLookup.TryGetValue(text, out var value))
        {
            value = text.ToString();

            // Bounded: keys and common values are met early; unique names past the cap are not worth keeping alive.
            if (_strings.Count < MaxInterned)
            {
                _strings[value] = value;
            }
        }

        return value;
    }
}

using System.Globalization;
using System.Text;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Yaml;

/// <summary>
/// A fast reader for the YAML that manifests are made of: block mappings and sequences, plain and quoted single-line
/// scalars, literal and simple folded block scalars, single-line flow collections, comments and document markers.
/// It builds the same tree, with the same positions, as the YamlDotNet path; on anything else (anchors, aliases,
/// tags, multi-line scalars, errors, limits) it gives up and <see cref="YamlTreeReader"/> reads the input with
/// YamlDotNet, which stays the reference for semantics and error messages.
/// </summary>
internal sealed class FastYamlReader
{
    private readonly string _text;
    private readonly ManifestLimits _limits;
    private readonly Dictionary<string, string> _keyStrings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;
    private readonly List<Open> _stack = [];
    private int _next;
    private int _lineNo;
    private int _lineStart;
    private int _lineEnd;
    private long _nodes;
    private Pending? _pending;
    private int _noDeeperThan = int.MaxValue;

    private FastYamlReader(string text, ManifestLimits limits)
    {
        _text = text;
        _limits = limits;
        _keyLookup = _keyStrings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads every document, or returns false (with <paramref name="documents"/> untouched) to hand over to YamlDotNet.</summary>
    public static bool TryRead(string text, ManifestLimits limits, List<YamlDocument> documents)
    {
        var found = new List<YamlDocument>();
        try
        {
            if (!new FastYamlReader(text, limits).ReadAll(found))
            {
                return false;
            }
        }
        catch (GiveUp)
        {
            return false;
        }

        documents.AddRange(found);
        return true;
    }

    private bool ReadAll(List<YamlDocument> documents)
    {
        ManifestNode? root = null;
        string? template = null;
        var docStart = 0;
        var started = false;
        while (NextLine())
        {
            var line = _text.AsSpan(_lineStart, _lineEnd - _lineStart);
            if (line.StartsWith("---") && (line.Length == 3 || line[3] == ' '))
            {
                if (!line[3..].Trim().IsEmpty && !line[3..].TrimStart().StartsWith("#"))
                {
                    return false;
                }

                if (started || root is not null)
                {
                    root = Finish(root, documents, template);
                }

                template = null;
                started = true;
                docStart = _lineStart;
                continue;
            }

            if (line.StartsWith("...") && line[3..].Trim().IsEmpty)
            {
                root = Finish(root, documents, template);
                template = null;
                started = false;
                continue;
            }

            if (line.Length > 0 && line[0] == '%')
            {
                return false;
            }

            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            if (indent == line.Length || line[indent] == '#')
            {
                if (started && root is null && _stack.Count == 0 && indent < line.Length)
                {
                    var comment = line[(indent + 1)..].Trim();
                    if (comment.StartsWith("Source: "))
                    {
                        template = comment["Source: ".Length..].Trim().ToString();
                    }
                }

                continue;
            }

            if (line.Contains('\t'))
            {
                return false;
            }

            if (!started && root is null && _stack.Count == 0)
            {
                started = true;
                docStart = _lineStart;
            }

            if (_lineEnd - docStart > _limits.MaxDocumentChars || documents.Count >= _limits.MaxDocuments)
            {
                return false;
            }

            if (!Content(line, indent, ref root))
            {
                return false;
            }
        }

        Finish(root, documents, template);
        return true;
    }

    private ManifestNode? Finish(ManifestNode? root, List<YamlDocument> documents, string? template)
    {
        ResolvePendingAsEmpty();
        _stack.Clear();
        _noDeeperThan = int.MaxValue;
        if (root is { IsNull: false })
        {
            documents.Add(new YamlDocument(root, documents.Count, template));
        }

        _nodes = 0;
        return null;
    }

    /// <summary>One content line at <paramref name="col"/> (0-based).</summary>
    private bool Content(ReadOnlySpan<char> line, int col, ref ManifestNode? root)
    {
        if (col > _noDeeperThan)
        {
            return false;
        }

        _noDeeperThan = int.MaxValue;
        var isDash = IsDash(line, col);
        if (_pending is { } pending)
        {
            _pending = null;
            var deeper = col > pending.Indent;
            if (isDash && (deeper || (pending.IsKey && col == pending.Indent)))
            {
                var seq = Node(NodeKind.Sequence, col);
                pending.Attach(seq);
                _stack.Add(new Open(seq, col));
            }
            else if (deeper && !isDash)
            {
                if (!IsKeyStart(line, col))
                {
                    return false;
                }

                var map = Node(NodeKind.Mapping, col);
                pending.Attach(map);
                _stack.Add(new Open(map, col));
            }
            else
            {
                pending.Attach(Empty(pending.Line, pending.Column));
            }
        }

        while (_stack.Count > 0 && (_stack[^1].Indent > col || (_stack[^1].Indent == col && _stack[^1].Node.IsSequence && !isDash)))
        {
            _stack.RemoveAt(_stack.Count - 1);
        }

        if (_stack.Count == 0)
        {
            if (root is not null)
            {
                return false;
            }

            if (isDash)
            {
                root = Node(NodeKind.Sequence, col);
            }
            else if (IsKeyStart(line, col))
            {
                root = Node(NodeKind.Mapping, col);
            }
            else
            {
                return false;
            }

            _stack.Add(new Open(root, col));
        }

        var top = _stack[^1];
        if (top.Indent != col)
        {
            return false;
        }

        return top.Node.IsSequence ? isDash && Item(line, col) : !isDash && Entry(line, col, top.Node);
    }

    /// <summary><c>key: value</c> at <paramref name="col"/> of a mapping at that indent.</summary>
    private bool Entry(ReadOnlySpan<char> line, int col, ManifestNode mapping)
    {
        if (!TryKey(line, col, out var key, out var valueAt))
        {
            return false;
        }

        if (key.IsPlain && key.Value == "<<")
        {
            return false;
        }

        var colonEnd = valueAt;
        var p = SkipSpaces(line, valueAt);
        if (p == line.Length || (line[p] == '#' && p > colonEnd))
        {
            _pending = new Pending(mapping, key, col, _lineNo, colonEnd + 1);
            return true;
        }

        var value = InlineValue(line, p, col);
        if (value is null || !mapping.AddEntry(key, value))
        {
            return false;
        }

        return true;
    }

    /// <summary><c>- ...</c> at <paramref name="col"/> of a sequence at that indent.</summary>
    private bool Item(ReadOnlySpan<char> line, int col)
    {
        var seq = _stack[^1].Node;
        var p = SkipSpaces(line, col + 1);
        if (p == line.Length || (line[p] == '#' && p > col + 1))
        {
            _pending = new Pending(seq, null, col, _lineNo, col + 2);
            return true;
        }

        if (IsDash(line, p))
        {
            var nested = Node(NodeKind.Sequence, p);
            seq.AddItem(nested);
            _stack.Add(new Open(nested, p));
            CheckDepth();
            return Item(line, p);
        }

        if (IsKeyStart(line, p))
        {
            var map = Node(NodeKind.Mapping, p);
            seq.AddItem(map);
            _stack.Add(new Open(map, p));
            CheckDepth();
            return Entry(line, p, map);
        }

        var value = InlineValue(line, p, col);
        if (value is null)
        {
            return false;
        }

        seq.AddItem(value);
        return true;
    }

    /// <summary>A value that starts on this line: scalar, flow collection or block scalar; null to give up.</summary>
    private ManifestNode? InlineValue(ReadOnlySpan<char> line, int p, int ownerIndent)
    {
        var c = line[p];
        ManifestNode? value;
        int end;
        switch (c)
        {
            case '|' or '>':
                return BlockScalar(line, p, ownerIndent);
            case '"':
                value = DoubleQuoted(line, p, out end);
                break;
            case '\'':
                value = SingleQuoted(line, p, out end);
                break;
            case '[' or '{':
                value = Flow(line, ref p, 1);
                end = p;
                break;
            default:
                if (IsIndicator(line, p))
                {
                    return null;
                }

                value = PlainBlock(line, p, out end);
                break;
        }

        if (value is null || !RestIsComment(line, end))
        {
            return null;
        }

        _noDeeperThan = ownerIndent;
        return value;
    }

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
                var text = sb is null ? line[runStart..i].ToString() : sb.Append(line[runStart..i]).ToString();
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
            var text = sb is null ? line[runStart..i].ToString() : sb.Append(line[runStart..i]).ToString();
            Count();
            return new ManifestNode(NodeKind.Scalar, _lineNo, p + 1, text, isPlain: false);
        }

        return null;
    }

    /// <summary>A flow collection that opens and closes on this line (JSON-style lists and maps in YAML).</summary>
    private ManifestNode? Flow(ReadOnlySpan<char> line, ref int p, int depth)
    {
        if (depth + _stack.Count > _limits.MaxDepth)
        {
            return null;
        }

        var isMap = line[p] == '{';
        var close = isMap ? '}' : ']';
        var node = Node(isMap ? NodeKind.Mapping : NodeKind.Sequence, p);
        p = SkipSpaces(line, p + 1);
        if (p < line.Length && line[p] == close)
        {
            p++;
            return node;
        }

        while (p < line.Length)
        {
            ManifestNode? key = null;
            if (isMap)
            {
                key = FlowKey(line, ref p);
                if (key is null)
                {
                    return null;
                }
            }

            var value = FlowValue(line, ref p, depth);
            if (value is null)
            {
                return null;
            }

            if (key is not null)
            {
                if (!node.AddEntry(key, value))
                {
                    return null;
                }
            }
            else
            {
                node.AddItem(value);
            }

            p = SkipSpaces(line, p);
            if (p >= line.Length)
            {
                return null;
            }

            if (line[p] == close)
            {
                p++;
                return node;
            }

            if (line[p] != ',')
            {
                return null;
            }

            p = SkipSpaces(line, p + 1);
            if (p < line.Length && line[p] == close)
            {
                return null;
            }
        }

        return null;
    }

    private ManifestNode? FlowKey(ReadOnlySpan<char> line, ref int p)
    {
        ManifestNode? key;
        int end;
        if (line[p] == '"')
        {
            key = DoubleQuoted(line, p, out end);
        }
        else if (line[p] == '\'')
        {
            key = SingleQuoted(line, p, out end);
        }
        else
        {
            if (IsIndicator(line, p) || line[p] is ',' or '[' or ']' or '{' or '}')
            {
                return null;
            }

            end = p;
            var last = p;
            while (end < line.Length && !(line[end] == ':' && (end + 1 == line.Length || line[end + 1] is ' ' or ',' or '}' or ']')) && line[end] is not (',' or '}' or ']'))
            {
                if (line[end] != ' ')
                {
                    last = end;
                }

                end++;
            }

            key = Scalar(line[p..(last + 1)], p, plain: true, isKey: true);
        }

        if (key is null)
        {
            return null;
        }

        var q = SkipSpaces(line, end);
        if (q >= line.Length || line[q] != ':')
        {
            return null;
        }

        // After a quoted key the colon may touch the value (JSON style); after a plain key it needs a space.
        if (!key.IsPlain || q + 1 == line.Length || line[q + 1] == ' ')
        {
            p = SkipSpaces(line, q + 1);
            return key.IsPlain && key.Value == "<<" ? null : key;
        }

        return null;
    }

    private ManifestNode? FlowValue(ReadOnlySpan<char> line, ref int p, int depth)
    {
        if (p >= line.Length)
        {
            return null;
        }

        int end;
        ManifestNode? value;
        switch (line[p])
        {
            case '[' or '{':
                return Flow(line, ref p, depth + 1);
            case '"':
                value = DoubleQuoted(line, p, out end);
                break;
            case '\'':
                value = SingleQuoted(line, p, out end);
                break;
            case ',' or '}' or ']':
                return null;
            default:
                if (IsIndicator(line, p))
                {
                    return null;
                }

                end = p;
                var last = p;
                while (end < line.Length && line[end] is not (',' or '}' or ']'))
                {
                    if (line[end] == ':' && (end + 1 == line.Length || line[end + 1] is ' ' or ',' or '}' or ']' or '[' or '{'))
                    {
                        return null;
                    }

                    if ((line[end] == '#' && line[end - 1] == ' ') || line[end] is '[' or '{')
                    {
                        return null;
                    }

                    if (line[end] != ' ')
                    {
                        last = end;
                    }

                    end++;
                }

                value = Scalar(line[p..(last + 1)], p, plain: true, isKey: false);
                break;
        }

        p = end;
        return value;
    }

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

    private ManifestNode Scalar(ReadOnlySpan<char> text, int p, bool plain, bool isKey)
    {
        Count();
        string? value;
        if (isKey)
        {
            if (!_keyLookup.TryGetValue(text, out value))
            {
                value = text.ToString();
                _keyStrings[value] = value;
            }
        }
        else if (plain && text is "" or "~" or "null" or "Null" or "NULL")
        {
            value = null;
        }
        else
        {
            value = text.ToString();
        }

        return new ManifestNode(NodeKind.Scalar, _lineNo, p + 1, value, plain);
    }

    private ManifestNode Node(NodeKind kind, int p)
    {
        Count();
        CheckDepth();
        return new ManifestNode(kind, _lineNo, p + 1);
    }

    private ManifestNode Empty(int line, int column)
    {
        Count();
        return new ManifestNode(NodeKind.Scalar, line, column);
    }

    private void ResolvePendingAsEmpty()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            pending.Attach(Empty(pending.Line, pending.Column));
        }
    }

    private void Count()
    {
        if (++_nodes > _limits.MaxExpandedNodes)
        {
            throw new GiveUp();
        }
    }

    private void CheckDepth()
    {
        if (_stack.Count >= _limits.MaxDepth)
        {
            throw new GiveUp();
        }
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

    /// <summary>A block collection still open, with the column its keys or dashes sit at.</summary>
    private readonly record struct Open(ManifestNode Node, int Indent);

    /// <summary>A key or dash whose value starts on a later line.</summary>
    private sealed record Pending(ManifestNode Parent, ManifestNode? Key, int Indent, int Line, int Column)
    {
        public bool IsKey => Key is not null;

        public void Attach(ManifestNode value)
        {
            if (Key is not null)
            {
                if (!Parent.AddEntry(Key, value))
                {
                    throw new GiveUp();
                }
            }
            else
            {
                Parent.AddItem(value);
            }
        }
    }

    /// <summary>Thrown deep inside to hand the whole input to YamlDotNet.</summary>
    private sealed class GiveUp : Exception
    {
    }
}

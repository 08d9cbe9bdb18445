namespace AutoShield.Manifests.Yaml;

/// <summary>Flow collections that open and close on one line.</summary>
internal sealed partial class FastYamlReader
{
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
}

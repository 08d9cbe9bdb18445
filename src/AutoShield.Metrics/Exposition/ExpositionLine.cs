namespace AutoShield.Metrics.Exposition;

/// <summary>Reads one line of the text exposition format: a <c># HELP</c>/<c># TYPE</c> comment or a sample.</summary>
internal static class ExpositionLine
{
    public static void ReadComment(ReadOnlySpan<char> line, int lineNumber, Dictionary<string, string> help, Dictionary<string, string> types)
    {
        var rest = line[1..].TrimStart();
        var isHelp = rest.StartsWith("HELP ");
        if (!isHelp && !rest.StartsWith("TYPE "))
        {
            return; // any other comment carries nothing
        }

        rest = rest[5..].TrimStart();
        var space = rest.IndexOfAny(' ', '\t');
        var name = (space < 0 ? rest : rest[..space]).ToString();
        var text = space < 0 ? [] : rest[(space + 1)..];
        if (name.Length == 0)
        {
            throw Error(lineNumber, "a metric name after # HELP or # TYPE");
        }

        if (isHelp)
        {
            help[name] = Escaping.Unescape(text);
        }
        else
        {
            types[name] = text.Trim().ToString();
        }
    }

    public static MetricSample ReadSample(ReadOnlySpan<char> line, int lineNumber)
    {
        var nameEnd = line.IndexOfAny('{', ' ', '\t');
        if (nameEnd <= 0)
        {
            throw Error(lineNumber, "a metric name followed by labels or a value");
        }

        var name = line[..nameEnd].ToString();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = line[nameEnd..].TrimStart();
        if (!rest.IsEmpty && rest[0] == '{')
        {
            rest = ReadLabels(rest[1..], lineNumber, labels);
        }

        rest = rest.TrimStart();
        var valueEnd = rest.IndexOfAny(' ', '\t');
        var valueText = valueEnd < 0 ? rest : rest[..valueEnd];
        if (!SampleValue.TryParse(valueText, out var value))
        {
            throw Error(lineNumber, $"a sample value, not '{valueText}'");
        }

        var timestamp = valueEnd < 0 ? [] : rest[valueEnd..].Trim();
        if (!timestamp.IsEmpty && !long.TryParse(timestamp, out _))
        {
            throw Error(lineNumber, $"an integer timestamp or the end of the line, not '{timestamp}'");
        }

        return new MetricSample(name, labels, value);
    }

    // Reads `name="value",...}` and returns what follows the closing brace.
    private static ReadOnlySpan<char> ReadLabels(ReadOnlySpan<char> rest, int lineNumber, Dictionary<string, string> labels)
    {
        while (true)
        {
            rest = rest.TrimStart();
            if (!rest.IsEmpty && rest[0] == '}')
            {
                return rest[1..];
            }

            var equals = rest.IndexOf('=');
            if (equals <= 0)
            {
                throw Error(lineNumber, "a label name and '='");
            }

            var labelName = rest[..equals].Trim().ToString();
            rest = rest[(equals + 1)..].TrimStart();
            var close = ClosingQuote(rest);
            if (rest.IsEmpty || rest[0] != '"' || close < 0)
            {
                throw Error(lineNumber, $"a quoted value for label '{labelName}'");
            }

            if (!labels.TryAdd(labelName, Escaping.Unescape(rest[1..close])))
            {
                throw Error(lineNumber, $"label '{labelName}' once");
            }

            rest = rest[(close + 1)..].TrimStart();
            if (!rest.IsEmpty && rest[0] == ',')
            {
                rest = rest[1..];
            }
            else if (rest.IsEmpty || rest[0] != '}')
            {
                throw Error(lineNumber, "',' or '}' after a label");
            }
        }
    }

    // The index of the quote closing the value that opens at rest[0], skipping escaped characters; -1 if none.
    private static int ClosingQuote(ReadOnlySpan<char> rest)
    {
        for (var i = 1; i < rest.Length; i++)
        {
            if (rest[i] == '\\')
            {
                i++;
            }
            else if (rest[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static FormatException Error(int lineNumber, string expected) => new($"line {lineNumber}: expected {expected}.");
}

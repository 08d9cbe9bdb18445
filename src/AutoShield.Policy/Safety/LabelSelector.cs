namespace AutoShield.Policy.Safety;

/// <summary>
/// A label selector of the protected list: <c>key=value</c>, <c>key!=value</c> (set and different), <c>key</c>
/// (set), or <c>key in (a,b)</c>. Several comma-free terms may be joined with <c>;</c> and must all match.
/// </summary>
public sealed class LabelSelector
{
    private readonly (string Key, string Op, string[] Values)[] _terms;

    private LabelSelector(string text, (string, string, string[])[] terms)
    {
        Text = text;
        _terms = terms;
    }

    public string Text { get; }

    public static LabelSelector Parse(string text)
    {
        var terms = new List<(string, string, string[])>();
        foreach (var raw in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var inAt = raw.IndexOf(" in ", StringComparison.Ordinal);
            if (inAt > 0 && raw.EndsWith(')') && raw.IndexOf('(', StringComparison.Ordinal) > inAt)
            {
                var open = raw.IndexOf('(', StringComparison.Ordinal);
                var values = raw[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                terms.Add((raw[..inAt].Trim(), "in", values));
            }
            else if (raw.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0)
            {
                terms.Add((raw[..ne].Trim(), "!=", [raw[(ne + 2)..].Trim()]));
            }
            else if (raw.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                terms.Add((raw[..eq].Trim(), "=", [raw[(eq + 1)..].Trim().TrimStart('=')]));
            }
            else if (raw.Length > 0 && !raw.Contains(' ', StringComparison.Ordinal))
            {
                terms.Add((raw, "exists", []));
            }
            else
            {
                throw new FormatException($"'{text}' is not a label selector (key=value, key!=value, key, or key in (a,b))");
            }
        }

        if (terms.Count == 0)
        {
            throw new FormatException("an empty label selector would match everything");
        }

        return new LabelSelector(text, [.. terms]);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, op, values) in _terms)
        {
            var has = labels.TryGetValue(key, out var value);
            var ok = op switch
            {
                "exists" => has,
                "=" => has && string.Equals(value, values[0], StringComparison.Ordinal),
                "!=" => has && !string.Equals(value, values[0], StringComparison.Ordinal),
                _ => has && values.Contains(value, StringComparer.Ordinal),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Text;
}

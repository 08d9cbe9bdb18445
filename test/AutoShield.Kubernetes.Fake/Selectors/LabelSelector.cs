using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c> query parameter: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>, <c>k</c> (exists) and <c>!k</c> (does not exist), all of which must hold.
/// </summary>
public sealed class LabelSelector
{
    private readonly List<Requirement> _requirements;

    private LabelSelector(List<Requirement> requirements)
    {
        _requirements = requirements;
    }

    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; returns null with a reason when it is malformed.</summary>
    public static LabelSelector? TryParse(string? text, out string error)
    {
        error = "";
        var requirements = new List<Requirement>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        foreach (var part in SplitTopLevel(text))
        {
            var requirement = ParseRequirement(part.Trim());
            if (requirement is null)
            {
                error = $"unable to parse requirement: \"{part.Trim()}\"";
                return null;
            }

            requirements.Add(requirement);
        }

        return new LabelSelector(requirements);
    }

    public bool Matches(JsonObject? labels)
    {
        foreach (var requirement in _requirements)
        {
            var value = labels?[requirement.Key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var ok = requirement.Op switch
            {
                "exists" => value is not null,
                "!exists" => value is null,
                "=" => value is not null && requirement.Values.Contains(value),
                "in" => value is not null && requirement.Values.Contains(value),
                "!=" => value is null || !requirement.Values.Contains(value),
                "notin" => value is null || !requirement.Values.Contains(value),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static Requirement? ParseRequirement(string part)
    {
        if (part.Length == 0)
        {
            return null;
        }

        if (part.StartsWith('!'))
        {
            var key = part[1..].Trim();
            return IsKey(key) ? new Requirement(key, "!exists", []) : null;
        }

        var setOp = ParseSet(part, " notin ", "notin") ?? ParseSet(part, " in ", "in");
        if (setOp is not null)
        {
            return setOp.Op == "invalid" ? null : setOp;
        }

        foreach (var (token, op) in new[] { ("!=", "!="), ("==", "="), ("=", "=") })
        {
            var at = part.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = part[..at].Trim();
                var value = part[(at + token.Length)..].Trim();
                return IsKey(key) && IsValue(value) ? new Requirement(key, op, [value]) : null;
            }
        }

        return IsKey(part) ? new Requirement(part, "exists", []) : null;
    }

    private static Requirement? ParseSet(string part, string token, string op)
    {
        var at = part.IndexOf(token, StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var key = part[..at].Trim();
        var rest = part[(at + token.Length)..].Trim();
        if (!IsKey(key) || rest.Length < 2 || rest[0] != '(' || rest[^1] != ')')
        {
            return new Requirement("", "invalid", []);
        }

        var values = rest[1..^1].Split(',').Select(v => v.Trim()).ToArray();
        return values.All(IsValue) ? new Requirement(key, op, [.. values]) : new Requirement("", "invalid", []);
    }

    private static bool IsKey(string key) =>
        key.Length is > 0 and <= 317 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');

    private static bool IsValue(string value) =>
        value.Length <= 63 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private sealed record Requirement(string Key, string Op, HashSet<string> Values);
}

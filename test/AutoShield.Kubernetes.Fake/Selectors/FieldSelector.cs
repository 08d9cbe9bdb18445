using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>path=value</c>, <c>path==value</c> and <c>path!=value</c> terms over the few
/// fields each kind exposes (metadata.name and metadata.namespace always).
/// </summary>
public sealed class FieldSelector
{
    private readonly List<(string Path, bool Equal, string Value)> _terms;

    private FieldSelector(List<(string Path, bool Equal, string Value)> terms)
    {
        _terms = terms;
    }

    /// <summary>Parses a selector; returns null with the API server's reason when a term is malformed or unsupported.</summary>
    public static FieldSelector? TryParse(string? text, IReadOnlyList<string> selectable, out string error)
    {
        error = "";
        var terms = new List<(string, bool, string)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FieldSelector(terms);
        }

        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (token, equal) = part.Contains("!=", StringComparison.Ordinal) ? ("!=", false)
                : part.Contains("==", StringComparison.Ordinal) ? ("==", true) : ("=", true);
            var at = part.IndexOf(token, StringComparison.Ordinal);
            if (at <= 0)
            {
                error = $"invalid selector: '{part}'; can't understand '{part}'";
                return null;
            }

            var path = part[..at].Trim();
            if (path is not ("metadata.name" or "metadata.namespace") && !selectable.Contains(path))
            {
                error = $"field label not supported: {path}";
                return null;
            }

            terms.Add((path, equal, part[(at + token.Length)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (path, equal, value) in _terms)
        {
            JsonNode? node = obj;
            foreach (var segment in path.Split('.'))
            {
                node = node is JsonObject o ? o[segment] : null;
            }

            var actual = node switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => node.ToJsonString(),
            };
            if (string.Equals(actual, value, StringComparison.Ordinal) != equal)
            {
                return false;
            }
        }

        return true;
    }
}

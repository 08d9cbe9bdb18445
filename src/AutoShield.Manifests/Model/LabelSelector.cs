using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>
/// A label selector: either a plain map (Service, ReplicationController) or matchLabels plus matchExpressions
/// (In, NotIn, Exists, DoesNotExist). An empty selector matches everything, as in Kubernetes.
/// </summary>
public sealed class LabelSelector
{
    private readonly List<KeyValuePair<string, string>> _equals = [];
    private readonly List<(string Key, string Operator, HashSet<string> Values)> _expressions = [];

    private LabelSelector(ManifestNode? node, bool plainMap)
    {
        Node = node;
        var labels = plainMap ? node : node?.Get("matchLabels");
        if (labels is { IsMapping: true })
        {
            for (var i = 0; i < labels.Count; i++)
            {
                _equals.Add(KeyValuePair.Create(labels.KeyAt(i).Value ?? "", labels.ValueAt(i).AsString() ?? ""));
            }
        }

        if (!plainMap && node?.Get("matchExpressions") is { IsSequence: true } expressions)
        {
            foreach (var e in expressions.Items)
            {
                var values = new HashSet<string>(StringComparer.Ordinal);
                if (e.Get("values") is { IsSequence: true } list)
                {
                    foreach (var v in list.Items)
                    {
                        values.Add(v.AsString() ?? "");
                    }
                }

                _expressions.Add((e.Get("key")?.AsString() ?? "", e.Get("operator")?.AsString() ?? "", values));
            }
        }
    }

    public ManifestNode? Node { get; }

    public bool IsEmpty => _equals.Count == 0 && _expressions.Count == 0;

    /// <summary>The key=value pairs the selector requires (the index for fast candidate lookup).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Equalities => _equals;

    public static LabelSelector FromMap(ManifestNode? node) => new(node, plainMap: true);

    public static LabelSelector FromSelector(ManifestNode? node) => new(node, plainMap: false);

    public bool Matches(ManifestNode? labels)
    {
        foreach (var (key, value) in _equals)
        {
            if (labels?.Get(key)?.AsString() != value)
            {
                return false;
            }
        }

        foreach (var (key, op, values) in _expressions)
        {
            var actual = labels?.Get(key)?.AsString();
            var ok = op switch
            {
                "In" => actual is not null && values.Contains(actual),
                "NotIn" => actual is null || !values.Contains(actual),
                "Exists" => labels?.Get(key) is not null,
                "DoesNotExist" => labels?.Get(key) is null,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A canonical text of the selector, equal for selectors that select the same way.</summary>
    public string Canonical() =>
        string.Join(',', _equals.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal))
        + ";" + string.Join(',', _expressions.Select(e => $"{e.Key} {e.Operator} ({string.Join('|', e.Values.Order(StringComparer.Ordinal))})").Order(StringComparer.Ordinal));
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AutoShield.Kubernetes.Fake.Api;

namespace AutoShield.Kubernetes.Fake.Resources;

/// <summary>The checks behind a 422: required fields of the kind, a DNS-1123 name, and well-formed labels.</summary>
internal static partial class ObjectValidator
{
    public static List<FieldCause> Validate(FakeResourceKind kind, JsonObject obj)
    {
        var causes = new List<FieldCause>();
        var name = obj["metadata"]?["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            causes.Add(FieldCause.Required("metadata.name"));
        }
        else if (name.Length > 253 || !DnsSubdomain().IsMatch(name))
        {
            causes.Add(FieldCause.Invalid("metadata.name", $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"));
        }

        if (obj["metadata"]?["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (text is null || text.Length > 63 || (text.Length > 0 && !LabelValue().IsMatch(text)))
                {
                    causes.Add(FieldCause.Invalid($"metadata.labels.{key}", $"Invalid value: \"{text}\": a valid label must be 63 characters or less and consist of alphanumerics, '-', '_' or '.'"));
                }
            }
        }

        foreach (var path in kind.RequiredFields)
        {
            CheckRequired(obj, path.Split('.'), 0, "", causes);
        }

        if (kind.Validate is not null)
        {
            causes.AddRange(kind.Validate(obj));
        }

        return causes;
    }

    private static void CheckRequired(JsonNode? node, string[] segments, int index, string prefix, List<FieldCause> causes)
    {
        if (index == segments.Length)
        {
            return;
        }

        var segment = segments[index];
        var isList = segment.EndsWith("[]", StringComparison.Ordinal);
        var field = isList ? segment[..^2] : segment;
        var path = prefix.Length == 0 ? field : $"{prefix}.{field}";
        var child = node is JsonObject o ? o[field] : null;
        if (child is null || (child is JsonValue value && value.TryGetValue<string>(out var text) && text.Length == 0))
        {
            causes.Add(FieldCause.Required(path));
            return;
        }

        if (!isList)
        {
            CheckRequired(child, segments, index + 1, path, causes);
            return;
        }

        if (child is not JsonArray array || array.Count == 0)
        {
            causes.Add(FieldCause.Required(path));
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            CheckRequired(array[i], segments, index + 1, $"{path}[{i}]", causes);
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}

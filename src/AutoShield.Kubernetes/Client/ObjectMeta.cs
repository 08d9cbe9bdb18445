using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Client;

/// <summary>Reads the metadata every Kubernetes object carries, from the object's JSON.</summary>
public static class ObjectMeta
{
    public static string? Name(JsonObject obj) => Text(obj, "name");

    public static string? Namespace(JsonObject obj) => Text(obj, "namespace");

    public static string? ResourceVersion(JsonObject obj) => Text(obj, "resourceVersion");

    public static string? Uid(JsonObject obj) => Text(obj, "uid");

    public static string? GenerateName(JsonObject obj) => Text(obj, "generateName");

    /// <summary>The object's labels (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) => Map(obj, "labels");

    public static IReadOnlyDictionary<string, string> Annotations(JsonObject obj) => Map(obj, "annotations");

    /// <summary>The string at a dotted path such as <c>status.podIP</c>, or null.</summary>
    public static string? At(JsonObject obj, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    private static string? Text(JsonObject obj, string field) =>
        obj?["metadata"]?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static Dictionary<string, string> Map(JsonObject obj, string field)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj?["metadata"]?[field] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    result[key] = s;
                }
            }
        }

        return result;
    }
}

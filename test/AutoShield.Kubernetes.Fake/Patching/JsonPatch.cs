using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Patching;

/// <summary>
/// JSON patch (RFC 6902, <c>application/json-patch+json</c>): add, remove, replace, move, copy and test, applied in
/// order to a copy; one failed operation leaves the object untouched.
/// </summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new PatchError("json patch must be an array of operations", undecodable: true);
        }

        var document = target.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || op["op"]?.GetValue<string>() is not { } name || op["path"]?.GetValue<string>() is not { } path)
            {
                throw new PatchError("json patch operation needs \"op\" and \"path\"", undecodable: true);
            }

            switch (name)
            {
                case "add":
                    document = Add(document, path, RequireValue(op));
                    break;
                case "remove":
                    document = Remove(document, path, out _);
                    break;
                case "replace":
                    document = Remove(document, path, out _);
                    document = Add(document, path, RequireValue(op));
                    break;
                case "move":
                    document = Remove(document, From(op), out var moved);
                    document = Add(document, path, moved);
                    break;
                case "copy":
                    document = Add(document, path, Resolve(document, From(op))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(document, path), RequireValue(op)))
                    {
                        throw new PatchError($"testing value {path} failed", undecodable: false);
                    }

                    break;
                default:
                    throw new PatchError($"unexpected json patch operation \"{name}\"", undecodable: true);
            }
        }

        return document;
    }

    private static JsonNode? RequireValue(JsonObject op) =>
        op.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchError("json patch operation needs \"value\"", undecodable: true);

    private static string From(JsonObject op) =>
        op["from"]?.GetValue<string>() ?? throw new PatchError("json patch operation needs \"from\"", undecodable: true);

    private static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new PatchError($"invalid JSON pointer \"{pointer}\"", undecodable: true);
        }

        return [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Resolve(JsonNode? node, string pointer) => Resolve(node, Tokens(pointer), pointer);

    private static JsonNode? Resolve(JsonNode? node, IEnumerable<string> tokens, string pointer)
    {
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw new PatchError($"path {pointer} does not exist", undecodable: false),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            return value ?? throw new PatchError("cannot replace the whole document with null", undecodable: false);
        }

        var parent = Resolve(document, tokens[..^1], pointer);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new PatchError($"cannot add at {pointer}", undecodable: false);
        }

        return document;
    }

    private static JsonNode Remove(JsonNode document, string pointer, out JsonNode? removed)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw new PatchError("cannot remove the whole document", undecodable: false);
        }

        var parent = Resolve(document, tokens[..^1], pointer);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var child):
                o.Remove(last);
                removed = child;
                break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count:
                removed = a[i];
                a.RemoveAt(i);
                break;
            default:
                throw new PatchError($"path {pointer} does not exist", undecodable: false);
        }

        return document;
    }
}

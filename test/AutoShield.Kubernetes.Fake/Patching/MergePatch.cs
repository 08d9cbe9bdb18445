using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Patching;

/// <summary>JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>): objects merge, null deletes, the rest replaces.</summary>
public static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result[key] = Apply(result[key], value);
        }

        return result;
    }
}

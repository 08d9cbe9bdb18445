using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Patching;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) for built-in kinds: like a merge patch,
/// except that lists whose Go type declares a patchMergeKey (containers by name, env by name, ports by
/// containerPort or port, volumes by name, ...) merge element by element, <c>finalizers</c> merge as a set, and the
/// directives <c>$patch: replace|delete|merge</c>, <c>$deleteFromPrimitiveList/</c>, <c>$retainKeys</c> and
/// <c>$setElementOrder/</c> are honoured. Lists without a merge key (tolerations, taints, args) are replaced
/// whole, as in the real API.
/// </summary>
public static class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string DeletePrimitivePrefix = "$deleteFromPrimitiveList/";
    private const string ElementOrderPrefix = "$setElementOrder/";
    private const string RetainKeys = "$retainKeys";

    private static readonly HashSet<string> ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["topologySpreadConstraints"] = "topologyKey",
        ["resourceClaims"] = "name",
        ["secrets"] = "name",
        ["addresses"] = "type",
    };

    private static readonly HashSet<string> PrimitiveSetLists = ["finalizers"];

    public static JsonObject Apply(JsonObject original, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            throw new PatchError("strategic merge patch must be a JSON object", undecodable: true);
        }

        return MergeObject((JsonObject)original.DeepClone(), patchObject, parentField: "") ?? [];
    }

    private static JsonObject? MergeObject(JsonObject target, JsonObject patch, string parentField)
    {
        switch (DirectiveOf(patch))
        {
            case "replace":
                var replacement = (JsonObject)patch.DeepClone();
                replacement.Remove(Directive);
                return replacement;
            case "delete":
                return null;
            case null or "merge":
                break;
            default:
                throw new PatchError($"unknown patch directive \"{DirectiveOf(patch)}\"", undecodable: false);
        }

        if (patch[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet();
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key is Directive or RetainKeys || key.StartsWith(ElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith(DeletePrimitivePrefix, StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(target, key[DeletePrimitivePrefix.Length..], value);
                continue;
            }

            if (value is null)
            {
                target.Remove(key);
                continue;
            }

            target[key] = (target[key], value) switch
            {
                (JsonObject existing, JsonObject patchChild) => MergeObject(existing.DeepClone().AsObject(), patchChild, key),
                (_, JsonObject patchChild) => MergeObject([], patchChild, key),
                (JsonArray existing, JsonArray patchList) => MergeList(existing, patchList, key, parentField),
                (_, JsonArray patchList) => MergeList([], patchList, key, parentField),
                _ => value.DeepClone(),
            };
            if (target[key] is null)
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(JsonArray existing, JsonArray patch, string field, string parentField)
    {
        if (patch.Any(e => e is JsonObject o && o.Count == 1 && DirectiveOf(o) == "replace"))
        {
            return [.. patch.Where(e => !(e is JsonObject o && DirectiveOf(o) == "replace")).Select(e => e?.DeepClone())];
        }

        if (PrimitiveSetLists.Contains(field))
        {
            var union = existing.Select(e => e?.DeepClone()).ToList();
            foreach (var item in patch)
            {
                if (!union.Any(u => JsonNode.DeepEquals(u, item)))
                {
                    union.Add(item?.DeepClone());
                }
            }

            return [.. union];
        }

        var mergeKey = MergeKeyOf(field, parentField);
        if (mergeKey is null)
        {
            return (JsonArray)patch.DeepClone();
        }

        var result = existing.Select(e => e?.DeepClone()).ToList();
        foreach (var item in patch)
        {
            if (item is not JsonObject element)
            {
                throw new PatchError($"elements of {field} must be objects keyed by {mergeKey}", undecodable: false);
            }

            var keyValue = element[mergeKey];
            var index = result.FindIndex(r => r is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue));
            if (DirectiveOf(element) == "delete")
            {
                result.RemoveAll(r => r is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue));
                continue;
            }

            if (index >= 0)
            {
                result[index] = MergeObject(result[index]!.AsObject(), element, field);
            }
            else
            {
                var added = (JsonObject)element.DeepClone();
                added.Remove(Directive);
                result.Add(added);
            }
        }

        return [.. result.Where(r => r is not null)];
    }

    private static void DeleteFromPrimitiveList(JsonObject target, string field, JsonNode? values)
    {
        if (target[field] is not JsonArray list || values is not JsonArray remove)
        {
            return;
        }

        target[field] = new JsonArray([.. list.Where(e => !remove.Any(r => JsonNode.DeepEquals(r, e))).Select(e => e?.DeepClone())]);
    }

    private static string? MergeKeyOf(string field, string parentField) => field switch
    {
        "ports" when ContainerLists.Contains(parentField) => "containerPort",
        "ports" => "port",
        _ => MergeKeys.GetValueOrDefault(field),
    };

    private static string? DirectiveOf(JsonObject obj) =>
        obj[Directive] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Resources;

namespace AutoShield.Kubernetes.Fake.Api;

/// <summary>The discovery documents: /version, /api, /apis, /api/v1 and /apis/{group}/{version}.</summary>
internal static class Discovery
{
    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject? Answer(string path, FakeResourceRegistry registry)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kinds = registry.All;
        return parts switch
        {
            ["version"] => new JsonObject
            {
                ["major"] = "1",
                ["minor"] = "31",
                ["gitVersion"] = "v1.31.0-autoshield-fake",
                ["platform"] = "linux/amd64",
            },
            ["api"] => new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1" }),
            },
            ["apis"] => new JsonObject
            {
                ["kind"] = "APIGroupList",
                ["apiVersion"] = "v1",
                ["groups"] = new JsonArray([.. kinds.Where(k => k.Group.Length > 0).GroupBy(k => k.Group).Select(Group)]),
            },
            ["api", var version] => Resources("v1", kinds.Where(k => k.Group.Length == 0 && k.Version == version)),
            ["apis", var group] when kinds.Any(k => k.Group == group) => Group(kinds.Where(k => k.Group == group).GroupBy(k => k.Group).First()),
            ["apis", var group, var version] when kinds.Any(k => k.Group == group && k.Version == version) =>
                Resources($"{group}/{version}", kinds.Where(k => k.Group == group && k.Version == version)),
            _ => null,
        };
    }

    private static JsonObject Group(IGrouping<string, FakeResourceKind> kinds)
    {
        var versions = kinds.Select(k => k.Version).Distinct().Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{kinds.Key}/{v}", ["version"] = v }).ToArray();
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = kinds.Key,
            ["versions"] = new JsonArray(versions),
            ["preferredVersion"] = versions[0].DeepClone(),
        };
    }

    private static JsonObject Resources(string groupVersion, IEnumerable<FakeResourceKind> kinds)
    {
        var resources = new JsonArray();
        foreach (var kind in kinds)
        {
            resources.Add(new JsonObject
            {
                ["name"] = kind.Plural,
                ["singularName"] = kind.SingularName,
                ["namespaced"] = kind.Namespaced,
                ["kind"] = kind.Kind,
                ["verbs"] = new JsonArray([.. Verbs.Select(v => (JsonNode)v)]),
            });
            if (kind.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = kind.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = kind.Namespaced,
                    ["kind"] = kind.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject { ["kind"] = "APIResourceList", ["apiVersion"] = "v1", ["groupVersion"] = groupVersion, ["resources"] = resources };
    }
}

using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Tests;

/// <summary>Builders of the Kubernetes objects tests use.</summary>
internal static class Some
{
    public static JsonObject Pod(string name, string ns = "default", string? ip = null, string? node = null, Dictionary<string, string>? labels = null, JsonArray? owners = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (labels is not null)
        {
            metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        }

        if (owners is not null)
        {
            metadata["ownerReferences"] = owners;
        }

        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27", ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 80 }) }),
            },
        };
        if (node is not null)
        {
            pod["spec"]!["nodeName"] = node;
        }

        if (ip is not null)
        {
            pod["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = ip, ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip }) };
        }

        return pod;
    }

    public static JsonObject ConfigMap(string name, string ns = "default", string value = "v") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["data"] = new JsonObject { ["key"] = value },
    };

    public static JsonArray Owner(string kind, string name, string uid = "owner-uid") =>
        new(new JsonObject { ["apiVersion"] = kind == "ReplicaSet" ? "apps/v1" : "batch/v1", ["kind"] = kind, ["name"] = name, ["uid"] = uid, ["controller"] = true });
}

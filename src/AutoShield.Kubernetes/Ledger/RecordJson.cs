using System.Text.Json;
using System.Text.Json.Nodes;
using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Ledger;

/// <summary>The JSON columns of the SQLite ledger: target and parameters.</summary>
internal static class RecordJson
{
    public static string Target(ActionTarget target) => new JsonObject
    {
        ["kind"] = target.Kind,
        ["namespace"] = target.Namespace,
        ["name"] = target.Name,
        ["workload"] = target.Workload,
        ["node"] = target.Node,
        ["labels"] = Map(target.Labels),
    }.ToJsonString();

    public static ActionTarget Target(string json)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        return new ActionTarget(obj["kind"]!.GetValue<string>(), obj["namespace"]?.GetValue<string>(), obj["name"]!.GetValue<string>())
        {
            Workload = obj["workload"]?.GetValue<string>(),
            Node = obj["node"]?.GetValue<string>(),
            Labels = Map(obj["labels"]?.ToJsonString() ?? "{}"),
        };
    }

    public static string Parameters(IReadOnlyDictionary<string, string> parameters) => Map(parameters).ToJsonString();

    public static Dictionary<string, string> Map(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static JsonObject Map(IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[key] = value;
        }

        return obj;
    }
}

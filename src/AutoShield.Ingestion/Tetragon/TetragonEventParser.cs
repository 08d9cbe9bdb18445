using System.Text.Json;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Turns one parsed <c>GetEventsResponse</c> object into a <see cref="TetragonEvent"/>, or null with the reason in
/// the field reader's <see cref="JsonFieldReader.Error"/>. Unknown fields are ignored so newer exports still read.
/// </summary>
internal sealed class TetragonEventParser(JsonFieldReader fields)
{
    public TetragonEvent? Parse(JsonElement root)
    {
        var f = fields;
        f.Reset();
        if (root.ValueKind != JsonValueKind.Object)
        {
            f.Fail("(record)", $"expected a JSON object, found {root.ValueKind}");
            return null;
        }

        if (!TryFindEvent(f, root, out var typeName, out var body))
        {
            return null;
        }

        var type = TypeOf(typeName);
        if (body.ValueKind != JsonValueKind.Object)
        {
            f.Fail(string.Empty, typeName, "an object", body);
            return null;
        }

        var result = new TetragonEvent
        {
            Type = type,
            TypeName = typeName,
            TimeUnixNanos = f.Time(root, string.Empty, "time"),
            NodeName = f.String(root, string.Empty, "node_name"),
            ClusterName = f.String(root, string.Empty, "cluster_name"),
            NodeLabels = f.Map(root, string.Empty, "node_labels"),
            Process = TetragonProcessParser.Parse(f, body, typeName, "process"),
            Parent = TetragonProcessParser.Parse(f, body, typeName, "parent"),
            Ancestors = TetragonProcessParser.ParseList(f, body, typeName, "ancestors"),
            Exit = type == TetragonEventType.ProcessExit ? ParseExit(f, body, typeName) : null,
            Probe = type is TetragonEventType.ProcessKprobe or TetragonEventType.ProcessTracepoint
                or TetragonEventType.ProcessUprobe or TetragonEventType.ProcessLsm
                ? TetragonProbeParser.Parse(f, body, typeName)
                : null,
            Socket = type is TetragonEventType.ProcessConnect or TetragonEventType.ProcessClose or TetragonEventType.ProcessListen
                ? TetragonSocketParser.Parse(f, body, typeName, listen: type == TetragonEventType.ProcessListen)
                : null,
        };
        return f.Failed ? null : result;
    }

    private static bool TryFindEvent(JsonFieldReader f, JsonElement root, out string typeName, out JsonElement body)
    {
        typeName = string.Empty;
        body = default;
        var found = false;
        foreach (var property in root.EnumerateObject())
        {
            if (IsEnvelopeField(property))
            {
                continue;
            }

            // Any process_* key is the event, whatever its value; another unknown key is one only if it holds an object.
            var isEvent = property.Name.StartsWith("process_", StringComparison.Ordinal)
                || property.Value.ValueKind == JsonValueKind.Object;
            if (!isEvent)
            {
                continue;
            }

            if (found)
            {
                f.Fail(property.Name, $"expected one event per record, found both {typeName} and {property.Name}");
                return false;
            }

            found = true;
            typeName = property.Name;
            body = property.Value;
        }

        if (!found)
        {
            f.Fail("(record)", "expected an event key such as process_exec, process_kprobe or process_exit");
        }

        return found;
    }

    private static bool IsEnvelopeField(JsonProperty property) =>
        property.NameEquals("node_name") || property.NameEquals("time") || property.NameEquals("cluster_name")
        || property.NameEquals("node_labels") || property.NameEquals("aggregation_info");

    private static TetragonExit ParseExit(JsonFieldReader f, JsonElement body, string path) => new()
    {
        Signal = f.String(body, path, "signal"),
        Status = f.UInt32(body, path, "status") ?? 0,
        TimeUnixNanos = f.Time(body, path, "time"),
    };

    private static TetragonEventType TypeOf(string name) => name switch
    {
        "process_exec" => TetragonEventType.ProcessExec,
        "process_exit" => TetragonEventType.ProcessExit,
        "process_kprobe" => TetragonEventType.ProcessKprobe,
        "process_tracepoint" => TetragonEventType.ProcessTracepoint,
        "process_uprobe" => TetragonEventType.ProcessUprobe,
        "process_lsm" => TetragonEventType.ProcessLsm,
        "process_connect" => TetragonEventType.ProcessConnect,
        "process_close" => TetragonEventType.ProcessClose,
        "process_listen" => TetragonEventType.ProcessListen,
        _ => TetragonEventType.Unknown,
    };
}

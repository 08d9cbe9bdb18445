using System.Text.Json;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>Reads the hook-specific part of <c>process_kprobe</c>, <c>process_tracepoint</c>, <c>process_uprobe</c>, <c>process_lsm</c>.</summary>
internal static class TetragonProbeParser
{
    public static TetragonProbe Parse(JsonFieldReader f, JsonElement body, string path) => new()
    {
        FunctionName = f.String(body, path, "function_name"),
        Subsystem = f.String(body, path, "subsys"),
        EventName = f.String(body, path, "event"),
        Path = f.String(body, path, "path"),
        Symbol = f.String(body, path, "symbol"),
        PolicyName = f.String(body, path, "policy_name"),
        Action = f.EnumName(body, path, "action"),
        ReturnAction = f.EnumName(body, path, "return_action"),
        Message = f.String(body, path, "message"),
        Tags = f.Strings(body, path, "tags"),
        Args = TetragonArgumentParser.ParseList(f, body, path, "args"),
        Return = TetragonArgumentParser.Parse(f, body, path, "return"),
    };
}

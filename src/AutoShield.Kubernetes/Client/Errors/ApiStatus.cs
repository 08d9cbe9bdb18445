using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>The meta/v1 Status object an API server sends with an error: code, reason, message and details.</summary>
public sealed record ApiStatus(int Code, string Reason, string Message)
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    /// <summary>details.kind: the resource (for example "pods") or kind the error is about.</summary>
    public string? Kind { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    /// <summary>Reads a Status body; when the body is not one, describes the HTTP answer instead.</summary>
    public static ApiStatus From(int httpCode, string? body)
    {
        JsonObject? status = null;
        try
        {
            status = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // Proxies and load balancers answer with HTML or plain text; the HTTP code still says what happened.
        }

        if (status?["kind"]?.GetValue<string>() != "Status")
        {
            return new ApiStatus(httpCode, "", string.IsNullOrWhiteSpace(body) ? $"HTTP {httpCode}" : body.Trim());
        }

        return FromObject(status, httpCode);
    }

    public static ApiStatus FromObject(JsonObject status, int fallbackCode = 500)
    {
        var details = status["details"] as JsonObject;
        var causes = (details?["causes"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(c => new StatusCause(Text(c["reason"]), Text(c["message"]), Text(c["field"])))
            .ToList();
        return new ApiStatus(
            status["code"] is JsonValue code && code.TryGetValue<int>(out var c) ? c : fallbackCode,
            Text(status["reason"]) ?? "",
            Text(status["message"]) ?? "")
        {
            Name = Text(details?["name"]),
            Group = Text(details?["group"]),
            Kind = Text(details?["kind"]),
            RetryAfterSeconds = details?["retryAfterSeconds"] is JsonValue r && r.TryGetValue<int>(out var s) ? s : null,
            Causes = causes,
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

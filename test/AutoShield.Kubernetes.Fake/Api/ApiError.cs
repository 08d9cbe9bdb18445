using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Api;

/// <summary>A request the fake refuses, carried to the response writer as a Kubernetes Status object.</summary>
internal sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, JsonObject? details = null, int? retryAfterSeconds = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    public int? RetryAfterSeconds { get; }

    public JsonObject ToStatus() => StatusObjects.Failure(Code, Reason, Message, Details);

    public static ApiError NotFound(string resource, string group, string name) =>
        new(404, "NotFound", $"{Qualified(resource, group)} \"{name}\" not found", Describe(resource, group, name));

    public static ApiError AlreadyExists(string resource, string group, string name) =>
        new(409, "AlreadyExists", $"{Qualified(resource, group)} \"{name}\" already exists", Describe(resource, group, name));

    public static ApiError Conflict(string resource, string group, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {Qualified(resource, group)} \"{name}\": {why}", Describe(resource, group, name));

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Invalid(string kind, string group, string name, IReadOnlyList<FieldCause> causes)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind };
        var list = new JsonArray();
        foreach (var cause in causes)
        {
            list.Add(new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message, ["field"] = cause.Field });
        }

        details["causes"] = list;
        var summary = string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"));
        return new ApiError(422, "Invalid", $"{kind} \"{name}\" is invalid: {summary}", details);
    }

    public static string Qualified(string resource, string group) => group.Length == 0 ? resource : $"{resource}.{group}";

    private static JsonObject Describe(string resource, string group, string name) =>
        new() { ["name"] = name, ["group"] = group, ["kind"] = resource };
}

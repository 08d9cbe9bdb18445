using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Watch;

/// <summary>
/// Reads a watch response body: one JSON event per line, <c>{"type":...,"object":{...}}</c>. An ERROR event
/// throws its Status as a typed exception; a malformed line throws JsonException (the stream cannot be trusted
/// past it, so the caller reconnects from the last good resourceVersion).
/// </summary>
internal static class WatchStreamReader
{
    /// <param name="stop">Ends the stream quietly (a client-side deadline).</param>
    /// <param name="cancellationToken">The caller's token: cancelling it throws.</param>
    public static async IAsyncEnumerable<WatchEvent> ReadAsync(Stream stream, CancellationToken stop, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await ReadLineAsync(reader, stop, cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var node = JsonNode.Parse(line) as JsonObject ?? throw new System.Text.Json.JsonException("a watch event must be a JSON object");
            var type = WatchEvent.ParseType(node["type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null);
            var obj = node["object"] as JsonObject ?? throw new System.Text.Json.JsonException("a watch event needs an object");
            if (type == WatchEventType.Error)
            {
                throw KubernetesApiException.Create(ApiStatus.FromObject(obj));
            }

            yield return new WatchEvent(type, (JsonObject)obj.DeepClone());
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken stop, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, cancellationToken);
        try
        {
            return await reader.ReadLineAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

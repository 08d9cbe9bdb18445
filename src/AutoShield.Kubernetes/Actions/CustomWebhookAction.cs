using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>custom_webhook</c>: sends the action as JSON to a URL (POST or PUT) within a timeout; a non-2xx answer fails
/// the action. Revert sends the same document with <c>"event": "reverted"</c>. Delivery is at least once: after a
/// crash a pending webhook is sent again, and receivers de-duplicate by <c>action_id</c>.
/// </summary>
public sealed class CustomWebhookAction : IClusterAction
{
    private readonly HttpClient _http;

    public CustomWebhookAction(HttpClient http)
    {
        _http = http;
    }

    public string Name => ActionType.CustomWebhook;

    public string Description => "POST (or PUT) the action and its detection as JSON to a URL.";

    public IReadOnlyList<string> TargetKinds { get; } = ["Pod", "Node", "Ingress", "Service", "Deployment"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        new("url", ParameterKind.Url, null, "Absolute http or https URL of the receiver.") { Required = true },
        ActionParameter.Choice("method", "POST", "HTTP method.", "POST", "PUT"),
        ActionParameter.Integer("timeout_seconds", 5, 1, 60, "How long to wait for the receiver's answer."),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } = [];

    public Task CaptureAsync(ActionContext context) => Task.CompletedTask;

    public Task ApplyAsync(ActionContext context) => context.Request.DryRun ? Task.CompletedTask : SendAsync(context, "applied");

    public Task<bool> IsAppliedAsync(ActionContext context) => Task.FromResult(false);

    public Task RevertAsync(ActionContext context) => SendAsync(context, "reverted");

    private async Task SendAsync(ActionContext context, string eventName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = new JsonObject
        {
            ["event"] = eventName,
            ["action_id"] = request.Id,
            ["action_type"] = request.ActionType,
            ["rule"] = request.Rule,
            ["target"] = new JsonObject { ["kind"] = request.Target.Kind, ["namespace"] = request.Target.Namespace, ["name"] = request.Target.Name },
            ["detection_id"] = request.Detection?.Id,
            ["attack_class"] = request.Detection?.AttackClass,
            ["confidence"] = request.Detection?.Confidence,
            ["explanation"] = request.Detection?.Explanation.Sentence,
            ["time"] = context.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(context.Integer("timeout_seconds")));
        using var message = new HttpRequestMessage(new HttpMethod(context.Text("method")), context.Text("url")) { Content = JsonContent.Create(body) };
        try
        {
            using var response = await _http.SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new ActionRefusedException($"webhook {context.Text("url")} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw new ActionRefusedException($"webhook {context.Text("url")} did not answer within {context.Text("timeout_seconds")} s");
        }
    }
}

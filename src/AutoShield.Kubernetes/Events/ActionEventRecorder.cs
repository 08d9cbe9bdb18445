using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Events;

/// <summary>
/// Writes one core/v1 Event on an action's target when it is applied and one when it is reverted (reason
/// <c>AutoShieldActionApplied</c> / <c>AutoShieldActionReverted</c>), so <c>kubectl describe</c> shows what
/// AutoShield did and why. Event names derive from the action id, so a retried write does not duplicate it. Events
/// are best effort: a failure to write one never fails the action.
/// </summary>
public sealed class ActionEventRecorder
{
    public const string AppliedReason = "AutoShieldActionApplied";
    public const string RevertedReason = "AutoShieldActionReverted";

    private readonly KubernetesClient _client;
    private readonly TimeProvider _time;
    private readonly string _instance;

    public ActionEventRecorder(KubernetesClient client, TimeProvider time, string instance)
    {
        _client = client;
        _time = time;
        _instance = instance;
    }

    /// <summary>Writes the event; false when the API refused it (the action's outcome stands regardless).</summary>
    public async Task<bool> RecordAsync(ActionTarget target, string actionId, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var suffix = reason == AppliedReason ? "applied" : "reverted";
        var now = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var type = TargetTypes.For(target.Kind);
        var ns = target.Namespace ?? "default";
        var involved = new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = target.Kind, ["name"] = target.Name };
        if (target.Namespace is not null)
        {
            involved["namespace"] = target.Namespace;
        }

        var ev = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{target.Name}.{actionId}.{suffix}",
                ["namespace"] = ns,
                ["labels"] = new JsonObject { [ActionLabels.ActionId] = actionId, [ActionLabels.ManagedBy] = ActionLabels.ManagedByValue },
            },
            ["involvedObject"] = involved,
            ["reason"] = reason,
            ["message"] = message.Length > 1024 ? message[..1024] : message,
            ["type"] = reason == AppliedReason ? "Warning" : "Normal",
            ["source"] = new JsonObject { ["component"] = "autoshield" },
            ["reportingComponent"] = "autoshield.io/actuator",
            ["reportingInstance"] = _instance,
            ["firstTimestamp"] = now,
            ["lastTimestamp"] = now,
            ["count"] = 1,
        };
        try
        {
            await _client.CreateAsync(ResourceTypes.Events, ns, ev, cancellationToken: cancellationToken);
            return true;
        }
        catch (KubernetesAlreadyExistsException)
        {
            return true;
        }
        catch (Exception error) when (error is KubernetesApiException or HttpRequestException or IOException)
        {
            return false;
        }
    }
}

using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>Finds the workload that owns a pod by following controller owner references (ReplicaSet → Deployment).</summary>
public static class WorkloadResolver
{
    /// <summary>The owning workload's type, name and object, or null for a pod no controller owns.</summary>
    public static async Task<(ResourceType Type, string Name, JsonObject Workload)?> ResolveAsync(ActionContext context, JsonObject pod)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ns = ObjectMeta.Namespace(pod) ?? context.Namespace;
        var owner = Controller(pod);
        if (owner is null)
        {
            return null;
        }

        var type = TargetTypes.For(owner.Value.Kind);
        var workload = await context.Client.GetAsync(type, ns, owner.Value.Name, cancellationToken: context.CancellationToken);
        if (owner.Value.Kind == "ReplicaSet" && Controller(workload) is { Kind: "Deployment" } deployment)
        {
            var parent = await context.Client.GetAsync(ResourceTypes.Deployments, ns, deployment.Name, cancellationToken: context.CancellationToken);
            return (ResourceTypes.Deployments, deployment.Name, parent);
        }

        return (type, owner.Value.Name, workload);
    }

    /// <summary>The controller owner reference of an object (kind and name), or null.</summary>
    public static (string Kind, string Name)? Controller(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj["metadata"]?["ownerReferences"] is not JsonArray owners)
        {
            return null;
        }

        foreach (var owner in owners.OfType<JsonObject>())
        {
            if (owner["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController
                && owner["kind"]?.GetValue<string>() is { } kind && owner["name"]?.GetValue<string>() is { } name)
            {
                return (kind, name);
            }
        }

        return null;
    }
}

using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// What network_policy and pod_isolation share: choosing the pods (the one pod through a per-action label, or the
/// whole workload through its own selector), and creating, checking and deleting the policy object that selects them.
/// </summary>
internal static class NetworkIsolation
{
    public const string Scope = "scope";

    public static ActionParameter ScopeParameter { get; } =
        ActionParameter.Choice(Scope, "pod", "pod: only the offending pod (labelled for the policy); workload: every pod of its workload, by the workload's selector.", "pod", "workload");

    public static bool WholeWorkload(ActionContext context) => context.Text(Scope) == "workload";

    public static MetadataChange PodLabel(ActionContext context) =>
        new MetadataChange(context, ResourceTypes.Pods, context.Namespace, context.Target.Name, "pod").Label(ActionLabels.IsolatedLabel(context.Id), "true");

    public static async Task CaptureAsync(ActionContext context)
    {
        if (!WholeWorkload(context))
        {
            await PodLabel(context).CaptureAsync(context);
            return;
        }

        var pod = await context.Client.GetAsync(ResourceTypes.Pods, context.Namespace, context.Target.Name, cancellationToken: context.CancellationToken);
        var workload = await WorkloadResolver.ResolveAsync(context, pod)
            ?? throw new ActionRefusedException($"pod {context.Target.Name} has no controller, so scope: workload has no workload to isolate");
        context.Prior["workload"] = $"{workload.Type.Kind}/{workload.Name}";
        context.Prior["selector"] = workload.Workload["spec"]?["selector"]?.DeepClone()
            ?? throw new ActionRefusedException($"{workload.Type.Kind} {workload.Name} has no selector");
    }

    /// <summary>The label selector of the isolated pods.</summary>
    public static JsonObject Selector(ActionContext context) => WholeWorkload(context)
        ? (JsonObject)context.Prior["selector"]!.DeepClone()
        : new JsonObject { ["matchLabels"] = new JsonObject { [ActionLabels.IsolatedLabel(context.Id)] = "true" } };

    public static JsonObject Metadata(ActionContext context, string name) => new()
    {
        ["name"] = name,
        ["namespace"] = context.Namespace,
        ["labels"] = context.OwnLabels(),
        ["annotations"] = new JsonObject { ["autoshield.io/rule"] = context.Request.Rule, ["autoshield.io/target"] = context.Target.Key },
    };

    public static async Task ApplyAsync(ActionContext context, ResourceType type, JsonObject policy)
    {
        try
        {
            await ObjectEditor.CreateOwnedAsync(context, type, policy);
        }
        catch (KubernetesNotFoundException) when (type == ResourceTypes.CiliumNetworkPolicies)
        {
            throw new ActionRefusedException("this cluster does not serve CiliumNetworkPolicy (Cilium is not installed); use surgical: false for a NetworkPolicy");
        }

        // The policy exists before the pod matches it, so the pod goes from open to isolated in one step.
        if (!WholeWorkload(context))
        {
            await PodLabel(context).ApplyAsync(context);
        }
    }

    public static async Task<bool> IsAppliedAsync(ActionContext context, ResourceType type, string name) =>
        await ObjectEditor.OwnedExistsAsync(context, type, name)
        && (WholeWorkload(context) || await PodLabel(context).IsAppliedAsync(context));

    public static async Task RevertAsync(ActionContext context, ResourceType type, string name)
    {
        if (!WholeWorkload(context))
        {
            await PodLabel(context).RevertAsync(context);
        }

        await ObjectEditor.DeleteOwnedAsync(context, type, name);
    }

    /// <summary>A NetworkPolicy denying the given directions; with ports, only those ports (it allows every other port).</summary>
    public static JsonObject DenyPolicy(ActionContext context, string name, bool ingress, bool egress, IReadOnlyList<(int First, int Last)> deniedPorts)
    {
        var types = new JsonArray();
        var spec = new JsonObject { ["podSelector"] = Selector(context), ["policyTypes"] = types };
        foreach (var (enabled, direction, field) in new[] { (ingress, "Ingress", "ingress"), (egress, "Egress", "egress") })
        {
            if (!enabled)
            {
                continue;
            }

            types.Add(direction);
            if (deniedPorts.Count > 0)
            {
                // NetworkPolicy only allows; denying some ports means allowing all the others, from or to anywhere.
                spec[field] = new JsonArray(new JsonObject { ["ports"] = AllowedPorts(PortList.Complement(deniedPorts)) });
            }
        }

        return new JsonObject
        {
            ["apiVersion"] = ResourceTypes.NetworkPolicies.ApiVersion,
            ["kind"] = ResourceTypes.NetworkPolicies.Kind,
            ["metadata"] = Metadata(context, name),
            ["spec"] = spec,
        };
    }

    private static JsonArray AllowedPorts(IReadOnlyList<(int First, int Last)> ranges)
    {
        var ports = new JsonArray();
        foreach (var protocol in new[] { "TCP", "UDP" })
        {
            foreach (var (first, last) in ranges)
            {
                var port = new JsonObject { ["protocol"] = protocol, ["port"] = first };
                if (last > first)
                {
                    port["endPort"] = last;
                }

                ports.Add(port);
            }
        }

        return ports;
    }
}

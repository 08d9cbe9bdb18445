using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>node_quarantine</c>: taints the node <c>autoshield.io/quarantine=&lt;action-id&gt;</c> (NoSchedule, or NoExecute
/// to evict what runs there) and cordons it. The prior taints and unschedulable flag are captured; revert removes
/// only this action's taint and uncordons only if the node was schedulable before.
/// </summary>
public sealed class NodeQuarantineAction : IClusterAction
{
    public string Name => ActionType.NodeQuarantine;

    public string Description => "Taint and cordon the node so nothing new is scheduled there (NoExecute also evicts).";

    public IReadOnlyList<string> TargetKinds { get; } = ["Node"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        ActionParameter.Choice("effect", "NoSchedule", "Taint effect: NoSchedule keeps running pods, NoExecute evicts those without a toleration.", "NoSchedule", "NoExecute"),
        new("cordon", ParameterKind.Boolean, "true", "Also mark the node unschedulable (kubectl cordon)."),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } = [RbacRequirement.Of("", "nodes", "get", "update")];

    public async Task CaptureAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = await context.Client.GetAsync(ResourceTypes.Nodes, null, context.Target.Name, cancellationToken: context.CancellationToken);
        context.Prior["had_taints"] = node["spec"]?["taints"] is not null;
        context.Prior["unschedulable"] = node["spec"]?["unschedulable"]?.DeepClone();
        await Annotation(context).CaptureAsync(context);
    }

    public async Task ApplyAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Annotation(context).ApplyAsync(context);
        await ObjectEditor.ModifyAsync(context, ResourceTypes.Nodes, null, context.Target.Name, node =>
        {
            var spec = node["spec"] as JsonObject ?? [];
            node["spec"] = spec;
            var taints = spec["taints"] as JsonArray ?? [];
            spec["taints"] = taints;
            var changed = false;
            if (!taints.OfType<JsonObject>().Any(t => IsOurs(t, context.Id)))
            {
                taints.Add(new JsonObject { ["key"] = ActionLabels.QuarantineTaint, ["value"] = context.Id, ["effect"] = context.Text("effect") });
                changed = true;
            }

            if (context.Flag("cordon") && spec["unschedulable"]?.GetValue<bool>() != true)
            {
                spec["unschedulable"] = true;
                changed = true;
            }

            return changed;
        });
    }

    public async Task<bool> IsAppliedAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = await context.Client.TryGetAsync(ResourceTypes.Nodes, null, context.Target.Name, context.CancellationToken);
        return node is not null
            && (node["spec"]?["taints"] as JsonArray ?? []).OfType<JsonObject>().Any(t => IsOurs(t, context.Id))
            && (!context.Flag("cordon") || node["spec"]?["unschedulable"]?.GetValue<bool>() == true);
    }

    public async Task RevertAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await ObjectEditor.ModifyAsync(context, ResourceTypes.Nodes, null, context.Target.Name, node =>
        {
            if (node["spec"] is not JsonObject spec)
            {
                return false;
            }

            var changed = false;
            if (spec["taints"] is JsonArray taints)
            {
                foreach (var ours in taints.OfType<JsonObject>().Where(t => IsOurs(t, context.Id)).ToList())
                {
                    taints.Remove(ours);
                    changed = true;
                }

                if (taints.Count == 0 && context.Prior["had_taints"]?.GetValue<bool>() != true)
                {
                    spec.Remove("taints");
                }
            }

            // Uncordon only when this action cordoned: a node that was already cordoned stays so.
            var prior = context.Prior["unschedulable"];
            if (context.Flag("cordon") && prior?.GetValue<bool>() != true && spec["unschedulable"]?.GetValue<bool>() == true)
            {
                if (prior is null)
                {
                    spec.Remove("unschedulable");
                }
                else
                {
                    spec["unschedulable"] = prior.DeepClone();
                }

                changed = true;
            }

            return changed;
        });
        await Annotation(context).RevertAsync(context);
    }

    private static MetadataChange Annotation(ActionContext context) =>
        new(context, ResourceTypes.Nodes, null, context.Target.Name, "node");

    private static bool IsOurs(JsonObject taint, string actionId) =>
        taint["key"]?.GetValue<string>() == ActionLabels.QuarantineTaint && taint["value"]?.GetValue<string>() == actionId;
}

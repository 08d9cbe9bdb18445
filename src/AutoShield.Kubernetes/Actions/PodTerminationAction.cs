using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>pod_termination</c>: deletes the pod so its controller starts a fresh one. It refuses pods no controller owns
/// (nothing would redeploy them) unless <c>allow_standalone</c>, and workloads that would fall below
/// <c>min_healthy_replicas</c> ready pods. Revert cannot bring the old pod back: the controller already replaced it,
/// so revert only closes the record.
/// </summary>
public sealed class PodTerminationAction : IClusterAction
{
    public string Name => ActionType.PodTermination;

    public string Description => "Delete the pod; its controller redeploys a clean one.";

    public IReadOnlyList<string> TargetKinds { get; } = ["Pod"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        ActionParameter.Integer("min_healthy_replicas", 1, 0, 10_000, "Refuse when fewer than this many ready pods of the workload would remain."),
        ActionParameter.Integer("grace_period_seconds", -1, -1, 3600, "Termination grace period; -1 keeps the pod's own."),
        new("allow_standalone", ParameterKind.Boolean, "false", "true: also delete pods no controller owns (they are not redeployed)."),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } =
    [
        RbacRequirement.Of("", "pods", "get", "delete"),
        RbacRequirement.Of("apps", "replicasets", "get"),
        RbacRequirement.Of("apps", "statefulsets", "get"),
        RbacRequirement.Of("apps", "daemonsets", "get"),
        RbacRequirement.Of("apps", "deployments", "get"),
    ];

    public async Task CaptureAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pod = await context.Client.GetAsync(ResourceTypes.Pods, context.Namespace, context.Target.Name, cancellationToken: context.CancellationToken);
        context.Prior["uid"] = ObjectMeta.Uid(pod);
        context.Prior["owner"] = WorkloadResolver.Controller(pod) is { } owner ? $"{owner.Kind}/{owner.Name}" : null;
    }

    public async Task ApplyAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var uid = context.Prior["uid"]?.GetValue<string>();
        var pod = await context.Client.TryGetAsync(ResourceTypes.Pods, context.Namespace, context.Target.Name, context.CancellationToken);
        if (pod is null || ObjectMeta.Uid(pod) != uid)
        {
            return;
        }

        await CheckHealthAsync(context, pod);
        var grace = context.Integer("grace_period_seconds");
        try
        {
            await context.Client.DeleteAsync(ResourceTypes.Pods, context.Namespace, context.Target.Name, new DeleteOptions
            {
                DryRun = context.Request.DryRun,
                PreconditionUid = uid,
                GracePeriodSeconds = grace >= 0 ? grace : null,
            }, context.CancellationToken);
        }
        catch (Exception error) when (error is KubernetesNotFoundException or KubernetesConflictException)
        {
            // Gone already, or replaced by a pod of the same name: the pod we meant is no longer running.
        }
    }

    public async Task<bool> IsAppliedAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pod = await context.Client.TryGetAsync(ResourceTypes.Pods, context.Namespace, context.Target.Name, context.CancellationToken);
        return pod is null || ObjectMeta.Uid(pod) != context.Prior["uid"]?.GetValue<string>() || pod["metadata"]?["deletionTimestamp"] is not null;
    }

    public Task RevertAsync(ActionContext context) => Task.CompletedTask;

    private static async Task CheckHealthAsync(ActionContext context, JsonObject pod)
    {
        var owner = WorkloadResolver.Controller(pod);
        if (owner is null)
        {
            if (!context.Flag("allow_standalone"))
            {
                throw new ActionRefusedException($"pod {context.Target.Name} has no controller to redeploy it; set allow_standalone: true to delete it anyway");
            }

            return;
        }

        var workload = await context.Client.GetAsync(TargetTypes.For(owner.Value.Kind), context.Namespace, owner.Value.Name, cancellationToken: context.CancellationToken);
        var status = workload["status"] as JsonObject;
        var ready = (status?["readyReplicas"] ?? status?["numberReady"]) is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        var minimum = context.Integer("min_healthy_replicas");
        if (ready - 1 < minimum)
        {
            throw new ActionRefusedException($"{owner.Value.Kind} {owner.Value.Name} has {ready} ready pods; deleting one would leave fewer than min_healthy_replicas {minimum}");
        }
    }
}

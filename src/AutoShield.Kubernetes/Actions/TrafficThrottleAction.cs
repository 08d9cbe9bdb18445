using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>traffic_throttle</c>: the <c>kubernetes.io/egress-bandwidth</c> and <c>ingress-bandwidth</c> annotations that
/// Cilium's bandwidth manager (egress) and the CNI bandwidth plugin honour. They are read when the pod's network
/// is set up, so on the pod itself they take effect at its next start; <c>scope: workload</c> writes them into the
/// workload's pod template, which rolls the pods and so applies them now.
/// </summary>
public sealed class TrafficThrottleAction : IClusterAction
{
    public string Name => ActionType.TrafficThrottle;

    public string Description => "Cap the pod's bandwidth with the kubernetes.io/*-bandwidth annotations (applied when the pod starts).";

    public IReadOnlyList<string> TargetKinds { get; } = ["Pod"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        new("rate_limit", ParameterKind.Bandwidth, "10M", "Bandwidth cap in bits per second: 1000kbps, 10M, 1Gbps."),
        ActionParameter.Choice("direction", "egress", "Which annotation: egress (Cilium honours it), ingress, or both.", "ingress", "egress", "both"),
        ActionParameter.Choice("scope", "pod", "pod: annotate the pod (effective at its next start); workload: annotate the pod template (rolls the pods).", "pod", "workload"),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } =
    [
        RbacRequirement.Of("", "pods", "get", "update"),
        RbacRequirement.Of("apps", "replicasets", "get"),
        RbacRequirement.Of("apps", "deployments", "get", "update"),
        RbacRequirement.Of("apps", "statefulsets", "get", "update"),
        RbacRequirement.Of("apps", "daemonsets", "get", "update"),
    ];

    public async Task CaptureAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Text("scope") == "workload")
        {
            var pod = await context.Client.GetAsync(ResourceTypes.Pods, context.Namespace, context.Target.Name, cancellationToken: context.CancellationToken);
            var workload = await WorkloadResolver.ResolveAsync(context, pod)
                ?? throw new ActionRefusedException($"pod {context.Target.Name} has no controller, so scope: workload has no pod template to annotate");
            context.Prior["workload_kind"] = workload.Type.Kind;
            context.Prior["workload_name"] = workload.Name;
        }

        await Change(context).CaptureAsync(context);
    }

    public Task ApplyAsync(ActionContext context) => Change(context).ApplyAsync(context);

    public Task<bool> IsAppliedAsync(ActionContext context) => Change(context).IsAppliedAsync(context);

    public Task RevertAsync(ActionContext context) => Change(context).RevertAsync(context);

    private static MetadataChange Change(ActionContext context)
    {
        Bandwidth.TryNormalize(context.Text("rate_limit"), out var quantity);
        var direction = context.Text("direction");
        var change = context.Prior["workload_kind"]?.GetValue<string>() is { } kind
            ? new MetadataChange(context, TargetTypes.For(kind), context.Namespace, context.Prior["workload_name"]!.GetValue<string>(), "template", podTemplate: true)
            : new MetadataChange(context, ResourceTypes.Pods, context.Namespace, context.Target.Name, "pod");
        if (direction != "ingress")
        {
            change.Annotation(ActionLabels.EgressBandwidth, quantity);
        }

        if (direction != "egress")
        {
            change.Annotation(ActionLabels.IngressBandwidth, quantity);
        }

        return change;
    }
}

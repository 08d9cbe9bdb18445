using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>network_policy</c>: a NetworkPolicy that denies the offending pod's ingress, egress or both, on all ports or
/// only the listed ones (seed 004: <c>direction: egress, ports: any</c>).
/// </summary>
public sealed class NetworkPolicyAction : IClusterAction
{
    public string Name => ActionType.NetworkPolicy;

    public string Description => "Deny the pod's (or workload's) ingress and/or egress with a NetworkPolicy named after the action id.";

    public IReadOnlyList<string> TargetKinds { get; } = ["Pod"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        ActionParameter.Choice("direction", "both", "Traffic to deny: ingress, egress or both.", "ingress", "egress", "both"),
        new("ports", ParameterKind.Ports, PortList.Any, "Ports to deny: any, or a list such as 22,3306,8000-8100 (every other port stays open)."),
        NetworkIsolation.ScopeParameter,
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } =
    [
        RbacRequirement.Of("", "pods", "get", "update"),
        RbacRequirement.Of("apps", "replicasets", "get"),
        RbacRequirement.Of("apps", "deployments", "get"),
        RbacRequirement.Of("apps", "statefulsets", "get"),
        RbacRequirement.Of("apps", "daemonsets", "get"),
        RbacRequirement.Of("networking.k8s.io", "networkpolicies", "get", "create", "delete"),
    ];

    public static string PolicyName(string actionId) => ActionLabels.ObjectName("np", actionId);

    public Task CaptureAsync(ActionContext context) => NetworkIsolation.CaptureAsync(context);

    public Task ApplyAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var direction = context.Text("direction");
        PortList.TryParse(context.Text("ports"), out var ports, out _);
        var policy = NetworkIsolation.DenyPolicy(context, PolicyName(context.Id), direction != "egress", direction != "ingress", ports);
        return NetworkIsolation.ApplyAsync(context, ResourceTypes.NetworkPolicies, policy);
    }

    public Task<bool> IsAppliedAsync(ActionContext context) =>
        NetworkIsolation.IsAppliedAsync(context, ResourceTypes.NetworkPolicies, PolicyName(context.Id));

    public Task RevertAsync(ActionContext context) =>
        NetworkIsolation.RevertAsync(context, ResourceTypes.NetworkPolicies, PolicyName(context.Id));
}

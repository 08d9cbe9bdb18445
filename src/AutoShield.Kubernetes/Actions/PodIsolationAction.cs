using System.Net;
using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>pod_isolation</c>: deny all ingress and egress of the offending pod (or its workload); with <c>surgical:
/// true</c>, where Cilium is installed, only a CiliumNetworkPolicy egress deny to the observed remote address.
/// </summary>
public sealed class PodIsolationAction : IClusterAction
{
    public string Name => ActionType.PodIsolation;

    public string Description => "Cut the pod (or workload) off the network: a deny-all NetworkPolicy, or a Cilium egress deny to the remote address.";

    public IReadOnlyList<string> TargetKinds { get; } = ["Pod"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        NetworkIsolation.ScopeParameter,
        new("surgical", ParameterKind.Boolean, "false", "true: a CiliumNetworkPolicy egressDeny to the remote address only (needs Cilium), instead of deny-all."),
        new("remote", ParameterKind.Cidr, null, "Address or CIDR the surgical deny blocks; default: the detection's destination address."),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } =
    [
        RbacRequirement.Of("", "pods", "get", "update"),
        RbacRequirement.Of("apps", "replicasets", "get"),
        RbacRequirement.Of("apps", "deployments", "get"),
        RbacRequirement.Of("apps", "statefulsets", "get"),
        RbacRequirement.Of("apps", "daemonsets", "get"),
        RbacRequirement.Of("networking.k8s.io", "networkpolicies", "get", "create", "delete"),
        RbacRequirement.Of("cilium.io", "ciliumnetworkpolicies", "get", "create", "delete"),
    ];

    public static string PolicyName(string actionId) => ActionLabels.ObjectName("isolate", actionId);

    public async Task CaptureAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await NetworkIsolation.CaptureAsync(context);
        if (context.Flag("surgical"))
        {
            // Kept with the prior state, so a retry after a restart (when the detection is gone) denies the same address.
            var remote = context.Text("remote") is { Length: > 0 } given ? given : context.Request.Detection?.Destination.Ip;
            context.Prior["remote"] = remote ?? throw new ActionRefusedException("surgical isolation needs the remote address: set 'remote' or act on a detection with a destination address");
        }
    }

    public Task ApplyAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = PolicyType(context);
        var policy = type == ResourceTypes.NetworkPolicies
            ? NetworkIsolation.DenyPolicy(context, PolicyName(context.Id), ingress: true, egress: true, [])
            : CiliumDeny(context);
        return NetworkIsolation.ApplyAsync(context, type, policy);
    }

    public Task<bool> IsAppliedAsync(ActionContext context) => NetworkIsolation.IsAppliedAsync(context, PolicyType(context), PolicyName(context.Id));

    public Task RevertAsync(ActionContext context) => NetworkIsolation.RevertAsync(context, PolicyType(context), PolicyName(context.Id));

    private static ResourceType PolicyType(ActionContext context) =>
        context.Flag("surgical") ? ResourceTypes.CiliumNetworkPolicies : ResourceTypes.NetworkPolicies;

    private static JsonObject CiliumDeny(ActionContext context)
    {
        var remote = context.Prior["remote"]!.GetValue<string>();
        var cidr = remote.Contains('/', StringComparison.Ordinal) ? remote : $"{remote}/{(IPAddress.Parse(remote).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}";
        return new JsonObject
        {
            ["apiVersion"] = ResourceTypes.CiliumNetworkPolicies.ApiVersion,
            ["kind"] = ResourceTypes.CiliumNetworkPolicies.Kind,
            ["metadata"] = NetworkIsolation.Metadata(context, PolicyName(context.Id)),
            ["spec"] = new JsonObject
            {
                ["endpointSelector"] = NetworkIsolation.Selector(context),
                ["egressDeny"] = new JsonArray(new JsonObject { ["toCIDR"] = new JsonArray(cidr) }),
            },
        };
    }
}

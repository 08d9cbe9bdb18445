using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>honeypot_redirect</c>: a CiliumLocalRedirectPolicy that steers traffic for the attacked Service to honeypot
/// pods instead of its backends, in eBPF at the socket/service layer, without touching the Service. Cilium applies
/// it per node, to clients on nodes where a honeypot pod runs, and to every such client, not only the attacker: see
/// docs/actions.md for how to confine it (honeypot pods only on the attacker's node, or with node_quarantine).
/// </summary>
public sealed class HoneypotRedirectAction : IClusterAction
{
    public static ResourceType LocalRedirectPolicies { get; } = new("cilium.io", "v2", "ciliumlocalredirectpolicies", "CiliumLocalRedirectPolicy", true);

    public string Name => ActionType.HoneypotRedirect;

    public string Description => "Steer the attacked Service's traffic to honeypot pods with a CiliumLocalRedirectPolicy (node-local; needs Cilium's local redirect policy feature).";

    public IReadOnlyList<string> TargetKinds { get; } = ["Service"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        new("honeypot_selector", ParameterKind.Labels, null, "Labels of the honeypot pods (same namespace as the Service), e.g. app=honeypot.") { Required = true },
        ActionParameter.Integer("honeypot_port", 8080, 1, 65535, "Port the honeypot pods listen on."),
        ActionParameter.Choice("protocol", "TCP", "Protocol of the redirected port.", "TCP", "UDP"),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } =
    [
        RbacRequirement.Of("", "services", "get"),
        RbacRequirement.Of("cilium.io", "ciliumlocalredirectpolicies", "get", "create", "delete"),
    ];

    public static string PolicyName(string actionId) => ActionLabels.ObjectName("honeypot", actionId);

    public async Task CaptureAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = await context.Client.GetAsync(ResourceTypes.Services, context.Namespace, context.Target.Name, cancellationToken: context.CancellationToken);
        context.Prior["service_uid"] = ObjectMeta.Uid(service);
    }

    public async Task ApplyAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = new JsonObject();
        foreach (var (key, value) in ParameterValidator.ParseLabels(context.Text("honeypot_selector"))!)
        {
            labels[key] = value;
        }

        var policy = new JsonObject
        {
            ["apiVersion"] = LocalRedirectPolicies.ApiVersion,
            ["kind"] = LocalRedirectPolicies.Kind,
            ["metadata"] = NetworkIsolation.Metadata(context, PolicyName(context.Id)),
            ["spec"] = new JsonObject
            {
                ["redirectFrontend"] = new JsonObject
                {
                    ["serviceMatcher"] = new JsonObject { ["serviceName"] = context.Target.Name, ["namespace"] = context.Namespace },
                },
                ["redirectBackend"] = new JsonObject
                {
                    ["localEndpointSelector"] = new JsonObject { ["matchLabels"] = labels },
                    ["toPorts"] = new JsonArray(new JsonObject { ["port"] = context.Text("honeypot_port"), ["protocol"] = context.Text("protocol") }),
                },
            },
        };
        try
        {
            await ObjectEditor.CreateOwnedAsync(context, LocalRedirectPolicies, policy);
        }
        catch (Client.Errors.KubernetesNotFoundException)
        {
            throw new ActionRefusedException("this cluster does not serve CiliumLocalRedirectPolicy (Cilium without localRedirectPolicy=true)");
        }
    }

    public Task<bool> IsAppliedAsync(ActionContext context) => ObjectEditor.OwnedExistsAsync(context, LocalRedirectPolicies, PolicyName(context.Id));

    public Task RevertAsync(ActionContext context) => ObjectEditor.DeleteOwnedAsync(context, LocalRedirectPolicies, PolicyName(context.Id));
}

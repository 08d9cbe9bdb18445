using System.Globalization;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// <c>ingress_rate_limit</c> (seed 000): ingress-nginx's <c>limit-rps</c> and <c>limit-connections</c> annotations on
/// the Ingress in front of the attacked service; reverting (from the dashboard or the CLI) restores the previous values.
/// </summary>
public sealed class IngressRateLimitAction : IClusterAction
{
    public string Name => ActionType.IngressRateLimit;

    public string Description => "Rate-limit an Ingress per client IP with ingress-nginx's limit-rps / limit-connections annotations.";

    public IReadOnlyList<string> TargetKinds { get; } = ["Ingress"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        ActionParameter.Integer("rps", 10, 1, 100_000, "Requests per second each client IP may make (limit-rps)."),
        ActionParameter.Integer("connections", 0, 0, 100_000, "Concurrent connections per client IP (limit-connections); 0 leaves it unset."),
        ActionParameter.Integer("burst_multiplier", 0, 0, 100, "Burst size as a multiple of rps (limit-burst-multiplier); 0 leaves nginx's default of 5."),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } = [RbacRequirement.Of("networking.k8s.io", "ingresses", "get", "update")];

    public Task CaptureAsync(ActionContext context) => Change(context).CaptureAsync(context);

    public Task ApplyAsync(ActionContext context) => Change(context).ApplyAsync(context);

    public Task<bool> IsAppliedAsync(ActionContext context) => Change(context).IsAppliedAsync(context);

    public Task RevertAsync(ActionContext context) => Change(context).RevertAsync(context);

    private static MetadataChange Change(ActionContext context)
    {
        var change = new MetadataChange(context, ResourceTypes.Ingresses, context.Namespace, context.Target.Name, "ingress")
            .Annotation(ActionLabels.LimitRps, context.Integer("rps").ToString(CultureInfo.InvariantCulture));
        if (context.Integer("connections") > 0)
        {
            change.Annotation(ActionLabels.LimitConnections, context.Integer("connections").ToString(CultureInfo.InvariantCulture));
        }

        if (context.Integer("burst_multiplier") > 0)
        {
            change.Annotation(ActionLabels.LimitBurstMultiplier, context.Integer("burst_multiplier").ToString(CultureInfo.InvariantCulture));
        }

        return change;
    }
}

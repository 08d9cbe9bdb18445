namespace AutoShield.Kubernetes.Actions;

/// <summary>The labels, annotations and taint keys AutoShield writes, in one place.</summary>
public static class ActionLabels
{
    /// <summary>On every object an action creates or changes: the action id.</summary>
    public const string ActionId = "autoshield.io/action-id";

    public const string ManagedBy = "app.kubernetes.io/managed-by";

    public const string ManagedByValue = "autoshield";

    /// <summary>Prefix of the per-action label that makes a pod match its isolation policy (one key per action, so isolations compose).</summary>
    public const string IsolatedPrefix = "isolated.autoshield.io/";

    public const string QuarantineTaint = "autoshield.io/quarantine";

    public const string EgressBandwidth = "kubernetes.io/egress-bandwidth";

    public const string IngressBandwidth = "kubernetes.io/ingress-bandwidth";

    public const string LimitRps = "nginx.ingress.kubernetes.io/limit-rps";

    public const string LimitConnections = "nginx.ingress.kubernetes.io/limit-connections";

    public const string LimitBurstMultiplier = "nginx.ingress.kubernetes.io/limit-burst-multiplier";

    public static string IsolatedLabel(string actionId) => IsolatedPrefix + actionId;

    /// <summary>The name of an object an action creates: short prefix plus the action id.</summary>
    public static string ObjectName(string prefix, string actionId) => $"autoshield-{prefix}-{actionId}";
}

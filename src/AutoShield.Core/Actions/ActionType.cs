namespace AutoShield.Core.Actions;

/// <summary>The <c>action_type</c> names of policy files (seed 004, DESIGN.md), as the actuator registers them.</summary>
public static class ActionType
{
    public const string NetworkPolicy = "network_policy";
    public const string PodIsolation = "pod_isolation";
    public const string TrafficThrottle = "traffic_throttle";
    public const string PodTermination = "pod_termination";
    public const string NodeQuarantine = "node_quarantine";
    public const string IngressRateLimit = "ingress_rate_limit";
    public const string HoneypotRedirect = "honeypot_redirect";
    public const string CustomWebhook = "custom_webhook";
    public const string AlertOnly = "alert_only";

    public static IReadOnlyList<string> All { get; } =
    [
        NetworkPolicy, PodIsolation, TrafficThrottle, PodTermination, NodeQuarantine, IngressRateLimit,
        HoneypotRedirect, CustomWebhook, AlertOnly,
    ];

    /// <summary>Actions that change the cluster (everything but alerts and webhooks), which the safety controller budgets.</summary>
    public static bool ChangesCluster(string actionType) =>
        !string.Equals(actionType, AlertOnly, StringComparison.Ordinal)
        && !string.Equals(actionType, CustomWebhook, StringComparison.Ordinal);
}

using AutoShield.Core.Actions;

namespace AutoShield.Policy.Tests.Safety;

/// <summary>Action requests for safety tests.</summary>
public static class Requests
{
    private static int _next;

    public static ActionRequest On(ActionTarget target, string actionType = ActionType.NetworkPolicy, TimeSpan? ttl = null, string rule = "r") => new()
    {
        Id = "a" + Interlocked.Increment(ref _next),
        ActionType = actionType,
        Target = target,
        Rule = rule,
        Ttl = ttl,
        Requested = Some.Monday10,
    };

    public static ActionTarget Pod(string ns, string pod, string workload = "Deployment/web", string node = "node-a", IReadOnlyDictionary<string, string>? labels = null) =>
        new("Pod", ns, pod) { Workload = workload, Node = node, Labels = labels ?? new Dictionary<string, string>() };
}

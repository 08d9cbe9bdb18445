using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Core.Detections;
using AutoShield.Kubernetes.Actions;

namespace AutoShield.Kubernetes.Tests.Actions;

/// <summary>One fixture per action type: the request to make in <see cref="ActionWorld"/> and what the cluster shows once it is applied.</summary>
internal static class ActionScenarios
{
    public static TheoryData<string> Types => [.. ActionType.All];

    public static Detection Detection { get; } = new()
    {
        Id = "det-1",
        Time = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Source = new DetectionEndpoint { Namespace = ActionWorld.Ns, Pod = ActionWorld.Pod, Ip = "10.0.1.7" },
        Destination = new DetectionEndpoint { Ip = "203.0.113.9", Port = 4444 },
        AttackClass = AttackClass.DataExfiltration,
        Confidence = 0.97,
        Explanation = new Explanation("41 MB sent to 203.0.113.9 in 30 s", [], "rule"),
    };

    public static ActionRequest Request(string actionType, string id, Uri webhook)
    {
        var (target, parameters) = actionType switch
        {
            ActionType.NetworkPolicy => (Pod(), new Dictionary<string, string> { ["direction"] = "egress", ["ports"] = "22,3306" }),
            ActionType.PodIsolation => (Pod(), []),
            ActionType.TrafficThrottle => (Pod(), new Dictionary<string, string> { ["rate_limit"] = "1000kbps" }),
            ActionType.PodTermination => (Pod(), []),
            ActionType.NodeQuarantine => (new ActionTarget("Node", null, ActionWorld.Node), []),
            ActionType.IngressRateLimit => (new ActionTarget("Ingress", ActionWorld.Ns, "shop"), new Dictionary<string, string> { ["rps"] = "5", ["connections"] = "10" }),
            ActionType.HoneypotRedirect => (new ActionTarget("Service", ActionWorld.Ns, "checkout"), new Dictionary<string, string> { ["honeypot_selector"] = "app=honeypot" }),
            ActionType.CustomWebhook => (Pod(), new Dictionary<string, string> { ["url"] = webhook.ToString() }),
            ActionType.AlertOnly => (Pod(), new Dictionary<string, string> { ["channel"] = "soc_dashboard", ["priority"] = "critical" }),
            _ => throw new ArgumentException($"no scenario for {actionType}", nameof(actionType)),
        };
        return new ActionRequest
        {
            Id = id,
            ActionType = actionType,
            Target = target,
            Parameters = parameters,
            Rule = "Exfiltration - High Confidence",
            Detection = Detection,
            Requested = Detection.Time,
        };
    }

    /// <summary>Asserts the cluster (or receiver, or alert queue) shows the applied action.</summary>
    public static void AssertApplied(ActuatorHarness harness, string actionType, string id)
    {
        var server = harness.Cluster.Server;
        var pod = ActionWorld.Get(server, "v1", "Pod", ActionWorld.Pod);
        switch (actionType)
        {
            case ActionType.NetworkPolicy:
                var np = ActionWorld.Get(server, "networking.k8s.io/v1", "NetworkPolicy", NetworkPolicyAction.PolicyName(id))!;
                Assert.Equal(id, np["metadata"]!["labels"]![ActionLabels.ActionId]!.GetValue<string>());
                Assert.Equal("autoshield", np["metadata"]!["labels"]![ActionLabels.ManagedBy]!.GetValue<string>());
                Assert.Equal("""["Egress"]""", np["spec"]!["policyTypes"]!.ToJsonString());
                Assert.Equal("true", np["spec"]!["podSelector"]!["matchLabels"]![ActionLabels.IsolatedLabel(id)]!.GetValue<string>());
                var ports = np["spec"]!["egress"]![0]!["ports"]!.AsArray().Select(p => $"{p!["protocol"]}:{p["port"]}-{p["endPort"]?.ToString() ?? p["port"]!.ToString()}");
                Assert.Equal(["TCP:1-21", "TCP:23-3305", "TCP:3307-65535", "UDP:1-21", "UDP:23-3305", "UDP:3307-65535"], ports);
                Assert.Equal("true", pod!["metadata"]!["labels"]![ActionLabels.IsolatedLabel(id)]!.GetValue<string>());
                break;
            case ActionType.PodIsolation:
                var isolate = ActionWorld.Get(server, "networking.k8s.io/v1", "NetworkPolicy", PodIsolationAction.PolicyName(id))!;
                Assert.Equal("""["Ingress","Egress"]""", isolate["spec"]!["policyTypes"]!.ToJsonString());
                Assert.Null(isolate["spec"]!["ingress"]);
                Assert.Null(isolate["spec"]!["egress"]);
                Assert.Equal("true", pod!["metadata"]!["labels"]![ActionLabels.IsolatedLabel(id)]!.GetValue<string>());
                Assert.Null(ActionWorld.Get(server, "v1", "Pod", "web-5d9c-x2")!["metadata"]!["labels"]![ActionLabels.IsolatedLabel(id)]);
                break;
            case ActionType.TrafficThrottle:
                Assert.Equal("1000k", pod!["metadata"]!["annotations"]![ActionLabels.EgressBandwidth]!.GetValue<string>());
                Assert.Null(pod["metadata"]!["annotations"]![ActionLabels.IngressBandwidth]);
                Assert.Equal(id, pod["metadata"]!["annotations"]![ActionLabels.ActionId]!.GetValue<string>());
                break;
            case ActionType.PodTermination:
                Assert.Null(pod);
                Assert.NotNull(ActionWorld.Get(server, "v1", "Pod", "web-5d9c-x2"));
                break;
            case ActionType.NodeQuarantine:
                var node = ActionWorld.Get(server, "v1", "Node", ActionWorld.Node)!;
                Assert.True(node["spec"]!["unschedulable"]!.GetValue<bool>());
                var taints = node["spec"]!["taints"]!.AsArray().Select(t => $"{t!["key"]}={t["value"]}:{t["effect"]}");
                Assert.Equal(["dedicated=web:PreferNoSchedule", $"{ActionLabels.QuarantineTaint}={id}:NoSchedule"], taints);
                break;
            case ActionType.IngressRateLimit:
                var annotations = ActionWorld.Get(server, "networking.k8s.io/v1", "Ingress", "shop")!["metadata"]!["annotations"]!;
                Assert.Equal("5", annotations[ActionLabels.LimitRps]!.GetValue<string>());
                Assert.Equal("10", annotations[ActionLabels.LimitConnections]!.GetValue<string>());
                Assert.Equal("true", annotations["nginx.ingress.kubernetes.io/ssl-redirect"]!.GetValue<string>());
                break;
            case ActionType.HoneypotRedirect:
                var lrp = ActionWorld.Get(server, "cilium.io/v2", "CiliumLocalRedirectPolicy", HoneypotRedirectAction.PolicyName(id))!;
                Assert.Equal("checkout", lrp["spec"]!["redirectFrontend"]!["serviceMatcher"]!["serviceName"]!.GetValue<string>());
                Assert.Equal("honeypot", lrp["spec"]!["redirectBackend"]!["localEndpointSelector"]!["matchLabels"]!["app"]!.GetValue<string>());
                Assert.Equal("8080", lrp["spec"]!["redirectBackend"]!["toPorts"]![0]!["port"]!.GetValue<string>());
                break;
            case ActionType.CustomWebhook:
                var (method, body) = Assert.Single(harness.Webhook.Received);
                Assert.Equal("POST", method);
                Assert.Equal("applied", body["event"]!.GetValue<string>());
                Assert.Equal(id, body["action_id"]!.GetValue<string>());
                Assert.Equal("det-1", body["detection_id"]!.GetValue<string>());
                break;
            case ActionType.AlertOnly:
                Assert.True(harness.Alerts.Reader.TryRead(out var alert));
                Assert.Equal(("soc_dashboard", "critical", false), (alert.Channel, alert.Priority, alert.Withdrawn));
                Assert.Equal("41 MB sent to 203.0.113.9 in 30 s", alert.Message);
                break;
            default:
                throw new ArgumentException($"no scenario for {actionType}", nameof(actionType));
        }
    }

    /// <summary>Whether revert puts the cluster back exactly; a terminated pod cannot come back (its controller replaces it).</summary>
    public static bool RevertsExactly(string actionType) => actionType != ActionType.PodTermination;

    public static IEnumerable<JsonObject> Events(ActuatorHarness harness, string id) =>
        harness.Cluster.Server.Store.List(harness.Cluster.Server.KindOf("v1", "Event"), null).Items
            .Where(e => e["metadata"]?["labels"]?[ActionLabels.ActionId]?.GetValue<string>() == id);

    private static ActionTarget Pod() => new("Pod", ActionWorld.Ns, ActionWorld.Pod) { Workload = "Deployment/web", Node = ActionWorld.Node };
}

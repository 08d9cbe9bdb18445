using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;

namespace AutoShield.Kubernetes.Tests.Actions;

public sealed class ParameterValidatorTests
{
    private static readonly ActionRegistry Registry = ActionRegistry.CreateDefault(new QueuedAlertSink(), new HttpClient());

    [Theory]
    [InlineData(ActionType.NetworkPolicy, "direction", "sideways", "'sideways' is not one of ingress, egress, both")]
    [InlineData(ActionType.NetworkPolicy, "ports", "22,70000", "'70000' is not a port")]
    [InlineData(ActionType.TrafficThrottle, "rate_limit", "fast", "'fast' is not a bandwidth")]
    [InlineData(ActionType.IngressRateLimit, "rps", "0", "0 is outside [1, 100000]")]
    [InlineData(ActionType.CustomWebhook, "url", "ftp://x", "'ftp://x' is not an absolute http or https URL")]
    [InlineData(ActionType.PodIsolation, "remote", "10.0.0.300", "'10.0.0.300' is not an IP address or CIDR")]
    [InlineData(ActionType.HoneypotRedirect, "honeypot_selector", "app", "is not a list of key=value labels")]
    [InlineData(ActionType.NodeQuarantine, "cordon", "yes", "'yes' is not true or false")]
    [InlineData(ActionType.AlertOnly, "colour", "red", "unknown parameter 'colour'")]
    public void Validate_BadParameter_ReportsItByNameWithTheReason(string actionType, string name, string value, string expected)
    {
        Registry.TryGet(actionType, out var action);

        var errors = ParameterValidator.Validate(action, new Dictionary<string, string> { [name] = value }, out _);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal) && e.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingRequired_ReportsItAndDefaultsFillTheRest()
    {
        Registry.TryGet(ActionType.CustomWebhook, out var action);

        var errors = ParameterValidator.Validate(action, new Dictionary<string, string>(), out var resolved);

        Assert.Equal("custom_webhook: parameter 'url' is required (Absolute http or https URL of the receiver.)", Assert.Single(errors));
        Assert.Equal(("POST", "5"), (resolved["method"], resolved["timeout_seconds"]));
    }

    [Fact]
    public void Validate_NodeActionOnAPod_RefusesTheTargetKind()
    {
        var request = new ActionRequest { Id = "a-1", ActionType = ActionType.NodeQuarantine, Target = new ActionTarget("Pod", "shop", "web"), Requested = default };

        var errors = Registry.Validate(request, out _);

        Assert.Equal("node_quarantine acts on Node, not Pod", Assert.Single(errors));
    }

    [Theory]
    [InlineData("1000kbps", "1000k")]
    [InlineData("10M", "10M")]
    [InlineData("1Gbps", "1G")]
    [InlineData("500", "500")]
    public void Bandwidth_CommonSpellings_BecomeKubernetesQuantities(string text, string expected)
    {
        Assert.True(Bandwidth.TryNormalize(text, out var quantity));
        Assert.Equal(expected, quantity);
    }

    [Fact]
    public void PortList_Complement_CoversEveryOtherPort()
    {
        PortList.TryParse("3306,22,8000-8100,8050", out var denied, out _);

        Assert.Equal([(1, 21), (23, 3305), (3307, 7999), (8101, 65535)], PortList.Complement(denied));
    }

    [Fact]
    public void ProtectedNamespaceGuard_KubeSystemTarget_RefusedWithTheReason()
    {
        var guard = new ProtectedNamespaceGuard(["payments"]);
        ActionRequest On(string? ns) => new() { Id = "a-1", ActionType = ActionType.PodIsolation, Target = new ActionTarget("Pod", ns, "p"), Requested = default };

        Assert.StartsWith("namespace kube-system is protected", guard.Refuse(On("kube-system")), StringComparison.Ordinal);
        Assert.NotNull(guard.Refuse(On("payments")));
        Assert.Null(guard.Refuse(On("shop")));
    }
}

using AutoShield.Cli.Commands;
using AutoShield.Core.Actions;

namespace AutoShield.Cli.Tests;

public sealed class ActSafetyGuardTests
{
    [Fact]
    public void Refuse_KillSwitchEngaged_RefusesClusterChangesButNotAlerts()
    {
        var guard = new ActSafetyGuard(killSwitchReason: "incident drill");

        var isolate = guard.Refuse(Request(ActionType.PodIsolation, "shop"));
        var alert = guard.Refuse(Request(ActionType.AlertOnly, "shop"));

        Assert.NotNull(isolate);
        Assert.Contains("KillSwitch", isolate, StringComparison.Ordinal);
        Assert.Null(alert);
    }

    [Fact]
    public void Refuse_OrdinaryPodAndExtraProtectedNamespace_AllowsOneRefusesOther()
    {
        var guard = new ActSafetyGuard(protectedNamespaces: ["payments"]);

        Assert.Null(guard.Refuse(Request(ActionType.PodIsolation, "shop")));
        Assert.Contains("payments is protected", guard.Refuse(Request(ActionType.PodIsolation, "payments")), StringComparison.Ordinal);
        Assert.Contains("kube-system is protected", guard.Refuse(Request(ActionType.PodTermination, "kube-system")), StringComparison.Ordinal);
    }

    private static ActionRequest Request(string type, string ns) => new()
    {
        Id = "a-1",
        ActionType = type,
        Target = new ActionTarget("Pod", ns, "web-1") { Workload = "Deployment/web" },
        Requested = DateTimeOffset.UnixEpoch,
    };
}

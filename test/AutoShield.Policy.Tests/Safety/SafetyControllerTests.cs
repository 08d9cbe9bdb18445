using AutoShield.Core.Actions;
using AutoShield.Policy.Rules;
using AutoShield.Policy.Safety;
using AutoShield.Testing;
using Polly.CircuitBreaker;

namespace AutoShield.Policy.Tests.Safety;

public sealed class SafetyControllerTests
{
    private readonly RecordingActuator _actuator = new();
    private readonly FakeTimeProvider _time = new(Some.Monday10);
    private readonly InMemoryClusterInventory _inventory = new();

    public SafetyControllerTests()
    {
        _inventory.SetPodCount("shop", "web", 10);
        _inventory.SetPodCount("kube-system", "web", 10);
    }

    private SafetyController Controller(SafetyOptions? options = null) => new(_actuator, options ?? new SafetyOptions(), _time, _inventory);

    [Fact]
    public async Task SubmitAsync_OrdinaryTarget_AppliedAndActiveWithTtl()
    {
        var safety = Controller();

        var verdict = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1"), ttl: TimeSpan.FromMinutes(5)), Severity.High);

        Assert.Equal(VerdictKind.Applied, verdict.Kind);
        Assert.Single(_actuator.Applied);
        Assert.Equal(Some.Monday10.AddMinutes(5), Assert.Single(safety.ActiveActions).Expires);
    }

    [Theory]
    [InlineData("kube-system")]
    [InlineData("autoshield-system")]
    public async Task SubmitAsync_AlwaysProtectedNamespace_RefusedEvenWhenConfigurationOmitsIt(string ns)
    {
        var safety = Controller(new SafetyOptions { ProtectedNamespaces = [], ProtectedLabels = [] });

        var verdict = await safety.SubmitAsync(Requests.On(Requests.Pod(ns, "coredns-1")), Severity.Critical);

        Assert.Equal(RefusalReason.ProtectedNamespace, verdict.Reason);
        Assert.Empty(_actuator.Applied);
        Assert.Equal(1, safety.RefusalsByReason["protected_namespace"]);
        var record = Assert.Single(safety.Log.Snapshot());
        Assert.Equal(("r", $"Pod/{ns}/coredns-1", "protected_namespace"), (record.Rule, record.Target, record.ReasonLabel));
    }

    [Fact]
    public async Task SubmitAsync_BareAddressTarget_RefusedAsUnattributedButAlertsPass()
    {
        var safety = Controller();
        var address = new ActionTarget("Address", null, "203.0.113.9");

        var throttle = await safety.SubmitAsync(Requests.On(address, ActionType.TrafficThrottle), Severity.High);
        var alert = await safety.SubmitAsync(Requests.On(address, ActionType.AlertOnly), Severity.High);

        Assert.Equal(RefusalReason.UnattributedTarget, throttle.Reason);
        Assert.Equal(VerdictKind.Applied, alert.Kind);
        Assert.Equal(ActionType.AlertOnly, Assert.Single(_actuator.Applied).ActionType);
        Assert.Equal(1, safety.RefusalsByReason["unattributed_target"]);
        Assert.Equal(CircuitState.Closed, safety.CircuitState);
    }

    [Theory]
    [InlineData("team=payments", true)]
    [InlineData("team", true)]
    [InlineData("team in (billing, payments)", true)]
    [InlineData("team!=payments", false)]
    [InlineData("team=payments;tier=db", false)]
    public async Task SubmitAsync_ProtectedLabelSelector_RefusedWhenMatching(string selector, bool refused)
    {
        var safety = Controller(new SafetyOptions { ProtectedLabels = [selector] });
        var target = Requests.Pod("shop", "web-1", labels: new Dictionary<string, string> { ["team"] = "payments", ["tier"] = "web" });

        var verdict = await safety.SubmitAsync(Requests.On(target), Severity.High);

        Assert.Equal(refused ? RefusalReason.ProtectedLabel : null, verdict.Reason);
    }

    [Fact]
    public async Task SubmitAsync_AlertOnProtectedNamespace_PassesBecauseItChangesNothing()
    {
        var safety = Controller();

        var verdict = await safety.SubmitAsync(Requests.On(Requests.Pod("kube-system", "coredns-1"), ActionType.AlertOnly), Severity.Low);

        Assert.Equal(VerdictKind.Applied, verdict.Kind);
    }

    [Fact]
    public async Task SubmitAsync_SameActionAlreadyActive_RefusedAsAlreadyActive()
    {
        var safety = Controller();
        var target = Requests.Pod("shop", "web-1");
        await safety.SubmitAsync(Requests.On(target), Severity.High);

        var verdict = await safety.SubmitAsync(Requests.On(target), Severity.High);

        Assert.Equal(RefusalReason.AlreadyActive, verdict.Reason);
    }

    [Fact]
    public async Task SubmitAsync_PerTargetLimit_FourthActionOnTargetRefused()
    {
        var safety = Controller(new SafetyOptions { MaxActionsPerTarget = 3 });
        var target = Requests.Pod("shop", "web-1");
        string[] types = [ActionType.NetworkPolicy, ActionType.TrafficThrottle, ActionType.PodIsolation, ActionType.PodTermination];

        var verdicts = new List<SafetyVerdict>();
        foreach (var type in types)
        {
            verdicts.Add(await safety.SubmitAsync(Requests.On(target, type), Severity.High));
        }

        Assert.Equal([null, null, null, RefusalReason.TargetRateLimit], verdicts.Select(v => v.Reason));
    }

    [Fact]
    public async Task SubmitAsync_LowSeverityBudgetSpent_HighSeverityStillActs()
    {
        var safety = Controller(new SafetyOptions { SeverityBudgets = new Dictionary<Severity, int> { [Severity.Low] = 2, [Severity.High] = 2 } });

        var low = new List<SafetyVerdict>();
        for (var i = 0; i < 3; i++)
        {
            low.Add(await safety.SubmitAsync(Requests.On(Requests.Pod("shop", $"web-{i}")), Severity.Low));
        }

        var high = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-9")), Severity.High);

        Assert.Equal(RefusalReason.GlobalRateLimit, low[2].Reason);
        Assert.Equal(VerdictKind.Applied, high.Kind);
    }

    [Fact]
    public async Task SubmitAsync_BudgetWindowPasses_BudgetReturns()
    {
        var safety = Controller(new SafetyOptions { SeverityBudgets = new Dictionary<Severity, int> { [Severity.Low] = 1 }, BudgetWindow = TimeSpan.FromMinutes(10) });
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1")), Severity.Low);

        var refused = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-2")), Severity.Low);
        _time.Advance(TimeSpan.FromMinutes(11));
        var allowed = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-3")), Severity.Low);

        Assert.Equal(RefusalReason.GlobalRateLimit, refused.Reason);
        Assert.Equal(VerdictKind.Applied, allowed.Kind);
    }

    [Fact]
    public async Task SubmitAsync_ShareOfWorkloadPodsOverLimit_Refused()
    {
        _inventory.SetPodCount("shop", "api", 4);
        var safety = Controller(new SafetyOptions { MaxWorkloadShare = 0.5 });

        var verdicts = new List<SafetyVerdict>();
        for (var i = 0; i < 3; i++)
        {
            verdicts.Add(await safety.SubmitAsync(Requests.On(Requests.Pod("shop", $"api-{i}", "Deployment/api")), Severity.High));
        }

        Assert.Equal([null, null, RefusalReason.BlastRadiusWorkload], verdicts.Select(v => v.Reason));
    }

    [Fact]
    public async Task SubmitAsync_WorkloadSizeUnknown_RefusedByDefault()
    {
        var safety = Controller();

        var verdict = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "x-1", "Deployment/unknown")), Severity.High);

        Assert.Equal(RefusalReason.BlastRadiusWorkload, verdict.Reason);
        Assert.Contains("unknown", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_MoreNodesThanAllowed_Refused()
    {
        var safety = Controller(new SafetyOptions { MaxNodes = 2 });

        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1", node: "n1")), Severity.High);
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-2", node: "n2")), Severity.High);
        var third = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-3", node: "n3")), Severity.High);
        var sameNode = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-4", node: "n2")), Severity.High);

        Assert.Equal(RefusalReason.BlastRadiusNodes, third.Reason);
        Assert.Equal(VerdictKind.Applied, sameNode.Kind);
    }

    [Fact]
    public async Task SubmitAsync_TooManyActiveActions_Refused()
    {
        var safety = Controller(new SafetyOptions { MaxActiveActions = 2, MaxWorkloadShare = 1 });

        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1")), Severity.High);
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-2")), Severity.High);
        var third = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-3")), Severity.High);

        Assert.Equal(RefusalReason.BlastRadiusActions, third.Reason);
    }

    [Fact]
    public async Task SubmitAsync_ActuatorKeepsFailing_CircuitOpensAndLaterRequestsAreRefused()
    {
        var safety = Controller(new SafetyOptions { BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5, MaxWorkloadShare = 1, MaxActiveActions = 100 });
        _actuator.FailApplies = true;

        var first = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1")), Severity.High);
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-2")), Severity.High);
        var callsBefore = _actuator.ApplyCalls;
        var refused = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-3")), Severity.High);

        Assert.Equal(VerdictKind.Failed, first.Kind);
        Assert.Equal(CircuitState.Open, safety.CircuitState);
        Assert.Equal(RefusalReason.CircuitOpen, refused.Reason);
        Assert.Equal(callsBefore, _actuator.ApplyCalls);
        Assert.Empty(safety.ActiveActions);
    }

    [Fact]
    public async Task SubmitAsync_ActuatorThrows_FailedVerdictNotException()
    {
        var safety = Controller();
        _actuator.ThrowOnApply = true;

        var verdict = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1")), Severity.High);

        Assert.Equal(VerdictKind.Failed, verdict.Kind);
        Assert.Contains("unreachable", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_DryRun_NothingReachesTheActuatorButLimitsStillCount()
    {
        var safety = Controller(new SafetyOptions { DryRun = true });
        var target = Requests.Pod("shop", "web-1");

        var first = await safety.SubmitAsync(Requests.On(target), Severity.High);
        var again = await safety.SubmitAsync(Requests.On(target), Severity.High);

        Assert.Equal(VerdictKind.DryRun, first.Kind);
        Assert.Contains("dry run", first.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.AlreadyActive, again.Reason);
        Assert.Empty(_actuator.Applied);
    }

    [Fact]
    public async Task ApproveAsync_PendingDestructiveAction_RunsOnlyAfterApproval()
    {
        var safety = Controller(new SafetyOptions { ApprovalRequiredFor = SafetyOptions.DestructiveActions });

        var pending = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1"), ActionType.PodTermination), Severity.Critical);
        var listed = Assert.Single(safety.PendingApprovals);
        Assert.Empty(_actuator.Applied);
        var approved = await safety.ApproveAsync(listed.Id, "alice");

        Assert.Equal(VerdictKind.PendingApproval, pending.Kind);
        Assert.Equal(pending.ApprovalId, listed.Id);
        Assert.Equal(VerdictKind.Applied, approved.Kind);
        Assert.Contains("approved by alice", approved.Message, StringComparison.Ordinal);
        Assert.Single(_actuator.Applied);
        Assert.Empty(safety.PendingApprovals);
    }

    [Fact]
    public async Task Deny_PendingAction_RefusedWithReasonAndNeverRuns()
    {
        var safety = Controller(new SafetyOptions { ApprovalRequiredFor = SafetyOptions.DestructiveActions });
        var pending = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1"), ActionType.NodeQuarantine), Severity.Critical);

        var denied = safety.Deny(pending.ApprovalId!, "bob", "false positive");

        Assert.Equal(RefusalReason.ApprovalDenied, denied.Reason);
        Assert.Contains("false positive", denied.Message, StringComparison.Ordinal);
        Assert.Empty(_actuator.Applied);
    }

    [Fact]
    public async Task TickAsync_ApprovalTimesOut_Expired()
    {
        var safety = Controller(new SafetyOptions { ApprovalRequiredFor = SafetyOptions.DestructiveActions, ApprovalTimeout = TimeSpan.FromMinutes(5) });
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1"), ActionType.PodTermination), Severity.Critical);

        _time.Advance(TimeSpan.FromMinutes(6));
        await safety.TickAsync();

        Assert.Empty(safety.PendingApprovals);
        Assert.Equal(1, safety.RefusalsByReason["approval_expired"]);
    }

    [Fact]
    public async Task TickAsync_TtlPassed_RevertsThroughTheActuator()
    {
        var safety = Controller();
        var request = Requests.On(Requests.Pod("shop", "web-1"), ttl: TimeSpan.FromMinutes(10));
        await safety.SubmitAsync(request, Severity.High);

        _time.Advance(TimeSpan.FromMinutes(9));
        var early = await safety.TickAsync();
        _time.Advance(TimeSpan.FromMinutes(2));
        var due = await safety.TickAsync();

        Assert.Equal((0, 1), (early, due));
        Assert.Equal([request.Id], _actuator.Reverted);
        Assert.Empty(safety.ActiveActions);
        Assert.Contains(safety.Log.Snapshot(), r => r.Kind == VerdictKind.Reverted && r.Message.StartsWith("TTL expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartTicking_TimerOnInjectedClock_RevertsWhenTheClockPassesTtl()
    {
        var safety = Controller();
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1"), ttl: TimeSpan.FromMinutes(1)), Severity.High);
        using var timer = safety.StartTicking(TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(90));

        Assert.Single(_actuator.Reverted);
    }

    [Fact]
    public async Task TickAsync_RevertFails_ActionStaysAndIsRetried()
    {
        var safety = Controller();
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1"), ttl: TimeSpan.FromMinutes(1)), Severity.High);
        _actuator.FailReverts = true;
        _time.Advance(TimeSpan.FromMinutes(2));

        await safety.TickAsync();
        var stillActive = safety.ActiveActions.Count;
        _actuator.FailReverts = false;
        await safety.TickAsync();

        Assert.Equal(1, stillActive);
        Assert.Empty(safety.ActiveActions);
    }

    [Fact]
    public async Task KillSwitch_Engaged_RefusesClusterChangesAndRevertAllUndoes()
    {
        var safety = Controller();
        await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-1")), Severity.High);

        safety.EngageKillSwitch("incident 42");
        var refused = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-2")), Severity.Critical);
        var alert = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-2"), ActionType.AlertOnly), Severity.Critical);
        var reverted = await safety.RevertAllAsync("kill switch");
        safety.ReleaseKillSwitch();
        var after = await safety.SubmitAsync(Requests.On(Requests.Pod("shop", "web-3")), Severity.Critical);

        Assert.Equal(RefusalReason.KillSwitch, refused.Reason);
        Assert.Contains("incident 42", refused.Message, StringComparison.Ordinal);
        Assert.Equal(VerdictKind.Applied, alert.Kind);
        Assert.Equal(1, reverted);
        Assert.Equal(VerdictKind.Applied, after.Kind);
    }

    [Fact]
    public void Preview_ProtectedTarget_SaysWhyWithoutRecording()
    {
        var safety = Controller();

        var reason = safety.Preview(Requests.On(Requests.Pod("kube-system", "etcd-0")), Severity.High, out var message);

        Assert.Equal(RefusalReason.ProtectedNamespace, reason);
        Assert.Contains("kube-system", message, StringComparison.Ordinal);
        Assert.Empty(safety.Log.Snapshot());
    }

    [Fact]
    public void Log_BeyondCapacity_KeepsNewestAndCountsAll()
    {
        var log = new AutoShield.Policy.Decisions.BoundedLog<int>(3);

        for (var i = 0; i < 5; i++)
        {
            log.Add(i);
        }

        Assert.Equal([2, 3, 4], log.Snapshot());
        Assert.Equal(5, log.Total);
    }
}

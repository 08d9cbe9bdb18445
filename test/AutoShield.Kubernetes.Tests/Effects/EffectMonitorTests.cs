using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Effects;
using AutoShield.Kubernetes.Ledger;
using AutoShield.Testing;

namespace AutoShield.Kubernetes.Tests.Effects;

public sealed class EffectMonitorTests
{
    private static readonly ActionTarget Target = new("Pod", "shop", "web-1");

    [Fact]
    public async Task EvaluateDueAsync_AttackGoesOn_RecordsIneffectiveAndEscalatesToTheNextAction()
    {
        var (clock, ledger, monitor) = await Setup(ActionType.NetworkPolicy);
        monitor.Report(Target, clock.GetUtcNow().AddSeconds(30), 12);
        monitor.Report(new ActionTarget("Pod", "shop", "other"), clock.GetUtcNow().AddSeconds(30), 50);
        clock.Advance(TimeSpan.FromMinutes(2));

        var verdict = Assert.Single(await monitor.EvaluateDueAsync());

        Assert.False(verdict.Effective);
        Assert.Equal(12, verdict.DetectionsAfter);
        Assert.Equal(ActionType.PodIsolation, verdict.Escalation!.ActionType);
        Assert.Equal(Target, verdict.Escalation.Target);
        Assert.False((await ledger.GetAsync("a-1"))!.Effective);
    }

    [Fact]
    public async Task EvaluateDueAsync_AttackStopped_RecordsEffectiveWithoutEscalation()
    {
        var (clock, ledger, monitor) = await Setup(ActionType.PodIsolation);
        monitor.Report(Target, clock.GetUtcNow().AddSeconds(-5), 40);
        clock.Advance(TimeSpan.FromMinutes(2));

        var verdict = Assert.Single(await monitor.EvaluateDueAsync());

        Assert.True(verdict.Effective);
        Assert.Null(verdict.Escalation);
        Assert.True((await ledger.GetAsync("a-1"))!.Effective);
    }

    [Fact]
    public async Task EvaluateDueAsync_BeforeTheObservationPeriodEnds_JudgesNothing()
    {
        var (clock, _, monitor) = await Setup(ActionType.PodIsolation);
        clock.Advance(TimeSpan.FromSeconds(119));

        Assert.Empty(await monitor.EvaluateDueAsync());
    }

    private static async Task<(FakeTimeProvider, InMemoryActionLedger, EffectMonitor)> Setup(string actionType)
    {
        var clock = new FakeTimeProvider();
        var ledger = new InMemoryActionLedger();
        await ledger.SaveAsync(new ActionRecord { Id = "a-1", ActionType = actionType, Target = Target, State = ActionState.Applied, Created = clock.GetUtcNow(), Updated = clock.GetUtcNow() });
        return (clock, ledger, new EffectMonitor(ledger, clock, new EffectOptions { ObservationPeriod = TimeSpan.FromMinutes(2) }));
    }
}

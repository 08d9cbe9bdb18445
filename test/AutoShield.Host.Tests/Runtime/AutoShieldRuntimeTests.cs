using AutoShield.Host.Runtime;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Tests.Runtime;

public sealed class AutoShieldRuntimeTests
{
    [Fact]
    public async Task Start_SimulatedPortScan_DecidesEveryDetectionInDryRun()
    {
        await using var runtime = new AutoShieldRuntime(TestLoops.Options(TestLoops.ContainScanner));

        await runtime.StartAsync();
        await runtime.Drained.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(runtime.DryRun);
        Assert.IsType<DryRunActuator>(runtime.Actuator);
        Assert.True(runtime.Detector.Emitted > 0);
        Assert.Equal(runtime.Detector.Emitted, runtime.History.Total);
        Assert.Equal(RuntimeState.Drained, runtime.State);
        Assert.True(runtime.Safety.ResultsByKind.GetValueOrDefault(VerdictKind.DryRun) > 0);
        Assert.Equal(0, runtime.Safety.ResultsByKind.GetValueOrDefault(VerdictKind.Applied));
        Assert.Contains(runtime.History.Snapshot(), e => e.Detection.AttackClass == "PORT_SCAN" && e.Responses.Any(r => r.Decision.Rule == "contain-scanner"));
    }

    [Fact]
    public async Task Start_DecisionLoopBlocked_IngestionWaitsAndLosesNothing()
    {
        using var gate = new ManualResetEventSlim();
        await using var runtime = new AutoShieldRuntime(TestLoops.Options(TestLoops.ContainScanner, "mixed") with { DetectionQueueCapacity = 1, Model = TestLoops.Model });
        runtime.Decision += _ => gate.Wait(TimeSpan.FromMinutes(1));

        await runtime.StartAsync();
        await TestLoops.Until(() => runtime.QueueWaits > 0, "ingestion to wait for the full queue");
        gate.Set();
        await runtime.Drained.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(runtime.Detector.Emitted >= 3);
        Assert.Equal(runtime.Detector.Emitted, runtime.Decided);
    }

    [Fact]
    public async Task MayAct_StandbyReplica_DecidesAndExplainsButRunsNothing()
    {
        await using var runtime = new AutoShieldRuntime(TestLoops.Options(TestLoops.ContainScanner) with { MayAct = () => false });

        await runtime.StartAsync();
        await runtime.Drained.WaitAsync(TimeSpan.FromMinutes(2));

        var verdicts = runtime.History.Snapshot().SelectMany(e => e.Responses).SelectMany(r => r.Verdicts).ToList();
        Assert.NotEmpty(verdicts);
        Assert.All(verdicts, v => Assert.Contains("standby replica", v.Message, StringComparison.Ordinal));
        Assert.Equal(0, runtime.Safety.ResultsByKind.GetValueOrDefault(VerdictKind.DryRun));
        Assert.Empty(runtime.Safety.ActiveActions);
    }

    [Fact]
    public async Task Approval_RequiredForTheAction_WaitsForAPerson()
    {
        var options = TestLoops.Options(TestLoops.ContainScanner) with
        {
            Safety = new SafetyOptions { ApprovalRequiredFor = new HashSet<string>(StringComparer.Ordinal) { "network_policy" } },
        };
        await using var runtime = new AutoShieldRuntime(options);

        await runtime.StartAsync();
        await runtime.Drained.WaitAsync(TimeSpan.FromMinutes(2));

        var pending = Assert.Single(runtime.Safety.PendingApprovals);
        Assert.Equal("network_policy", pending.Request.ActionType);
        Assert.Empty(runtime.Safety.ActiveActions);
    }

    [Fact]
    public async Task KillSwitch_Engaged_SurvivesARestartUntilReleased()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "state", "kill-switch");
        var options = TestLoops.Options(TestLoops.ContainScanner) with { KillSwitchFile = file };
        await using (var first = new AutoShieldRuntime(options))
        {
            first.EngageKillSwitch("incident 42", "alice");
            Assert.True(File.Exists(file));
        }

        await using var second = new AutoShieldRuntime(options);
        Assert.True(second.Safety.KillSwitchEngaged);
        Assert.Contains("incident 42 (by alice)", second.Safety.KillSwitchReason, StringComparison.Ordinal);

        await second.StartAsync();
        await second.Drained.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(second.Safety.RefusalsByReason.GetValueOrDefault("kill_switch") > 0);
        Assert.Equal(0, second.Safety.ResultsByKind.GetValueOrDefault(VerdictKind.DryRun));

        second.ReleaseKillSwitch("alice");
        Assert.False(File.Exists(file));
        Assert.False(second.Safety.KillSwitchEngaged);
    }

    [Fact]
    public async Task Start_BrokenSourceFile_CountsTheErrorsAndKeepsGoing()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "flows.json");
        File.WriteAllText(path, "{\"flow\": {\"time\": \"not a time\"}}\nthis is not json\n");
        var options = TestLoops.Options(TestLoops.ContainScanner) with
        {
            OpenSources = () => [Ingestion.Sources.FlowSourceFactory.Open(path, Ingestion.Sources.FlowSourceKind.Hubble), .. TestLoops.Simulated()()],
        };
        await using var runtime = new AutoShieldRuntime(options);

        await runtime.StartAsync();
        await runtime.Drained.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, runtime.Sources[0].Reader.Counters.Bad);
        Assert.True(runtime.Detector.Emitted > 0);
        Assert.Equal(RuntimeState.Drained, runtime.State);
    }
}

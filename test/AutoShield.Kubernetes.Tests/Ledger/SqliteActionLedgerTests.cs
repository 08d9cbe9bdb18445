using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Kubernetes.Tests.Ledger;

public sealed class SqliteActionLedgerTests
{
    [Fact]
    public async Task SaveAsync_ThenReopen_ReadsEveryFieldBack()
    {
        using var file = new TempLedgerFile();
        var record = new ActionRecord
        {
            Id = "a-1",
            ActionType = ActionType.NodeQuarantine,
            Target = new ActionTarget("Node", null, "node-1") { Labels = new Dictionary<string, string> { ["zone"] = "z1" } },
            Parameters = new Dictionary<string, string> { ["effect"] = "NoExecute" },
            Rule = "r",
            DetectionId = "d",
            Explanation = "why",
            State = ActionState.Applied,
            Created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero),
            Expires = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero),
            PriorState = """{"had_taints":false}""",
            Attempts = 2,
            LastError = "e",
            Effective = false,
            RevertRequested = true,
        };
        using (var ledger = new SqliteActionLedger(file.Path))
        {
            await ledger.SaveAsync(record);
        }

        using var reopened = new SqliteActionLedger(file.Path);
        var read = (await reopened.GetAsync("a-1"))!;

        Assert.Equal(record with { Target = read.Target, Parameters = read.Parameters }, read);
        Assert.Equal(record.Target with { Labels = read.Target.Labels }, read.Target);
        Assert.Equal("z1", read.Target.Labels["zone"]);
        Assert.Equal("NoExecute", read.Parameters["effect"]);
    }

    [Fact]
    public async Task ListAsync_SeveralRecords_OldestFirst()
    {
        using var file = new TempLedgerFile();
        using var ledger = new SqliteActionLedger(file.Path);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (id, minutes) in new[] { ("b", 2), ("a", 1), ("c", 3) })
        {
            await ledger.SaveAsync(new ActionRecord { Id = id, ActionType = ActionType.AlertOnly, Target = new ActionTarget("Pod", "ns", "p"), State = ActionState.Pending, Created = t0.AddMinutes(minutes), Updated = t0 });
        }

        var ids = (await ledger.ListAsync()).Select(r => r.Id);

        Assert.Equal(["a", "b", "c"], ids);
    }

    [Fact]
    public void Default_Paths_FollowAutoshieldLedgerThenXdgThenHome()
    {
        Assert.Equal("/x/l.db", LedgerPaths.Default(n => n == "AUTOSHIELD_LEDGER" ? "/x/l.db" : null));
        Assert.Equal("/data/autoshield/autoshield.db", LedgerPaths.Default(n => n == "XDG_DATA_HOME" ? "/data" : null));
        Assert.Equal("/home/u/.local/share/autoshield/autoshield.db", LedgerPaths.Default(n => n == "HOME" ? "/home/u" : null));
    }
}

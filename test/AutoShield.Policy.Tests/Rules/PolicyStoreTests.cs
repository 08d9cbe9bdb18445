using AutoShield.Policy.Rules;
using AutoShield.Testing;

namespace AutoShield.Policy.Tests.Rules;

public sealed class PolicyStoreTests
{
    private const string Good = "rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: alert_only\n";
    private const string Better = "rules:\n  - name: a\n    attack_class: PORT_SCAN\n    actions:\n      - action_type: network_policy\n  - name: b\n    attack_class: SYN_FLOOD\n    actions:\n      - action_type: alert_only\n";
    private const string Broken = "rules:\n  - name: a\n    attack_class: PORT_SCAN\n    condition: features.nope > 1\n    actions:\n      - action_type: alert_only\n";

    private readonly FakeTimeProvider _time = new(Some.Monday10);
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "policy.yaml");

    [Fact]
    public void Reload_InvalidChange_KeepsLastGoodPolicyAndReportsWhere()
    {
        File.WriteAllText(_file, Good);
        var log = new List<string>();
        using var store = new PolicyStore([_file], _time, log: log.Add);
        var good = store.Current.Version;

        File.WriteAllText(_file, Broken);
        var result = store.Reload();

        Assert.False(result.IsValid);
        Assert.Equal(good, store.Current.Version);
        var error = Assert.Single(store.Status.LastErrors);
        Assert.Equal((_file, 4, 16), (error.File, error.Line, error.Column));
        Assert.Equal((1, 1), (store.Status.Reloads, store.Status.ReloadFailures));
        Assert.False(store.Status.LastReloadSucceeded);
        Assert.Contains(log, l => l.Contains("rejected", StringComparison.Ordinal) && l.Contains(":4:16:", StringComparison.Ordinal));
    }

    [Fact]
    public void NotifyChanged_AfterDebounce_ReloadsOnceAndRaisesReloaded()
    {
        File.WriteAllText(_file, Good);
        using var store = new PolicyStore([_file], _time, debounce: TimeSpan.FromSeconds(1));
        var raised = 0;
        store.Reloaded += _ => raised++;

        File.WriteAllText(_file, Better);
        store.NotifyChanged();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        store.NotifyChanged();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var before = store.Current.Rules.Count;
        _time.Advance(TimeSpan.FromMilliseconds(600));

        Assert.Equal(1, before);
        Assert.Equal(2, store.Current.Rules.Count);
        Assert.Equal(1, raised);
        Assert.True(store.Status.LastReloadSucceeded);
        Assert.Equal(_time.GetUtcNow(), store.Status.LoadedAt);
    }

    [Fact]
    public void Constructor_InvalidAtStart_EmptyPolicyAndErrorInStatus()
    {
        File.WriteAllText(_file, Broken);

        using var store = new PolicyStore([_file], _time);

        Assert.Empty(store.Current.Rules);
        Assert.Single(store.Status.LastErrors);
    }

    [Fact]
    public async Task StartWatching_FileRewritten_ReloadsFromTheWatcher()
    {
        File.WriteAllText(_file, Good);
        using var store = new PolicyStore([_file], TimeProvider.System, debounce: TimeSpan.FromMilliseconds(50));
        var reloaded = new TaskCompletionSource<PolicySet>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += p => reloaded.TrySetResult(p);
        store.StartWatching();

        await File.WriteAllTextAsync(_file, Better);
        var policy = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, policy.Rules.Count);
    }
}

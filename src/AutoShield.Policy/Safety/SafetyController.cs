using AutoShield.Core.Actions;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Rules;
using Polly;
using Polly.CircuitBreaker;

namespace AutoShield.Policy.Safety;

/// <summary>
/// Stands between policy and actuator so that AutoShield can never become the outage. Each cluster-changing request
/// passes, in order: kill switch, protected namespaces and labels, already-active, per-target and per-severity rate
/// limits, blast radius (active actions, share of a workload's pods, nodes), the circuit breaker; then it waits for
/// approval, runs dry, or runs for real through a Polly circuit breaker. Every outcome is a <see cref="SafetyRecord"/>.
/// Alerts and webhooks change nothing in the cluster and pass straight through. Thread-safe.
/// </summary>
public sealed class SafetyController
{
    private readonly IActuator _actuator;
    private readonly DryRunActuator _dryRun = new();
    private readonly SafetyOptions _options;
    private readonly TimeProvider _time;
    private readonly IClusterInventory? _inventory;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _protectedNamespaces;
    private readonly LabelSelector[] _protectedLabels;
    private readonly Dictionary<string, ActiveAction> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<Severity, Queue<DateTimeOffset>> _budgets = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> _perTarget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingApproval> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _refusals = new(StringComparer.Ordinal);
    private readonly Dictionary<VerdictKind, long> _results = [];
    private readonly ResiliencePipeline<ActionOutcome> _pipeline;
    private readonly CircuitBreakerStateProvider _breaker = new();
    private string? _killSwitchReason;
    private int _ticking;

    public SafetyController(IActuator actuator, SafetyOptions? options = null, TimeProvider? time = null, IClusterInventory? inventory = null)
    {
        _actuator = actuator;
        _options = options ?? new SafetyOptions();
        _time = time ?? TimeProvider.System;
        _inventory = inventory;
        _protectedNamespaces = new HashSet<string>(SafetyOptions.AlwaysProtectedNamespaces.Concat(_options.ProtectedNamespaces), StringComparer.Ordinal);
        _protectedLabels = [.. _options.ProtectedLabels.Select(LabelSelector.Parse)];
        _killSwitchReason = _options.KillSwitch ? "engaged at start" : null;
        Log = new BoundedLog<SafetyRecord>(_options.LogCapacity);
        _pipeline = new ResiliencePipelineBuilder<ActionOutcome> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ActionOutcome>
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                StateProvider = _breaker,
                ShouldHandle = new PredicateBuilder<ActionOutcome>()
                    .Handle<Exception>(ex => ex is not OperationCanceledException)
                    .HandleResult(outcome => outcome.State == ActionState.Failed),
            })
            .Build();
    }

    public BoundedLog<SafetyRecord> Log { get; }

    /// <summary>The namespaces never acted on: the two built in plus the configured ones.</summary>
    public IReadOnlyCollection<string> ProtectedNamespaces => _protectedNamespaces;

    public bool KillSwitchEngaged => Volatile.Read(ref _killSwitchReason) is not null;

    /// <summary>Why the kill switch was engaged; null while released.</summary>
    public string? KillSwitchReason => Volatile.Read(ref _killSwitchReason);

    public CircuitState CircuitState => _breaker.CircuitState;

    /// <summary><see cref="SafetyMetricNames.Refusals"/> by reason label.</summary>
    public IReadOnlyDictionary<string, long> RefusalsByReason
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_refusals, StringComparer.Ordinal);
            }
        }
    }

    /// <summary><see cref="SafetyMetricNames.Actions"/> and <see cref="SafetyMetricNames.Reverts"/> by result.</summary>
    public IReadOnlyDictionary<VerdictKind, long> ResultsByKind
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<VerdictKind, long>(_results);
            }
        }
    }

    public IReadOnlyList<ActiveAction> ActiveActions
    {
        get
        {
            lock (_gate)
            {
                return [.. _active.Values];
            }
        }
    }

    public IReadOnlyList<PendingApproval> PendingApprovals
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.Values.OrderBy(p => p.Requested)];
            }
        }
    }

    /// <summary>Stops every new cluster-changing action until released; actions in force stay unless <see cref="RevertAllAsync"/> is called.</summary>
    public void EngageKillSwitch(string reason)
    {
        Volatile.Write(ref _killSwitchReason, string.IsNullOrWhiteSpace(reason) ? "engaged" : reason);
        Log.Add(new SafetyRecord(_time.GetUtcNow(), string.Empty, string.Empty, string.Empty, string.Empty, Severity.Critical, VerdictKind.Refused, RefusalReason.KillSwitch, $"kill switch engaged: {reason}"));
    }

    public void ReleaseKillSwitch() => Volatile.Write(ref _killSwitchReason, null);

    /// <summary>What the controller would answer now, without acting or spending budget (monitor rules, previews).</summary>
    public RefusalReason? Preview(ActionRequest request, Severity severity, out string message)
    {
        lock (_gate)
        {
            return ActionType.ChangesCluster(request.ActionType) ? Check(request, severity, _time.GetUtcNow(), out message) : Pass(out message);
        }
    }

    /// <summary>Checks and, when allowed, carries out <paramref name="request"/>.</summary>
    public async ValueTask<SafetyVerdict> SubmitAsync(ActionRequest request, Severity severity, CancellationToken cancellationToken = default)
    {
        if (!ActionType.ChangesCluster(request.ActionType))
        {
            return await ExecuteAsync(request, severity, budgeted: false, cancellationToken);
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (Check(request, severity, now, out var why) is { } reason)
            {
                return Refuse(request, severity, reason, why);
            }

            if (_options.ApprovalRequiredFor.Contains(request.ActionType))
            {
                var approval = new PendingApproval("approval-" + request.Id, request, severity, now, now + _options.ApprovalTimeout);
                _pending[approval.Id] = approval;
                var message = $"waiting for approval {approval.Id} until {approval.Expires:O}";
                Record(request, severity, VerdictKind.PendingApproval, null, message);
                return new SafetyVerdict(request.Id, VerdictKind.PendingApproval, message) { ApprovalId = approval.Id };
            }

            Reserve(request, severity, now);
        }

        return await ExecuteAsync(request, severity, budgeted: true, cancellationToken);
    }

    /// <summary>Approves a pending action: it is checked again (limits may have changed while it waited) and then runs.</summary>
    public async ValueTask<SafetyVerdict> ApproveAsync(string approvalId, string approver, CancellationToken cancellationToken = default)
    {
        PendingApproval approval;
        lock (_gate)
        {
            if (!_pending.Remove(approvalId, out approval!))
            {
                throw new KeyNotFoundException($"no pending approval '{approvalId}'");
            }

            var now = _time.GetUtcNow();
            if (Check(approval.Request, approval.Severity, now, out var why) is { } reason)
            {
                return Refuse(approval.Request, approval.Severity, reason, $"approved by {approver}, but {why}");
            }

            Reserve(approval.Request, approval.Severity, now);
        }

        return await ExecuteAsync(approval.Request, approval.Severity, budgeted: true, cancellationToken, $"approved by {approver}");
    }

    public SafetyVerdict Deny(string approvalId, string approver, string reason)
    {
        lock (_gate)
        {
            if (!_pending.Remove(approvalId, out var approval))
            {
                throw new KeyNotFoundException($"no pending approval '{approvalId}'");
            }

            return Refuse(approval.Request, approval.Severity, RefusalReason.ApprovalDenied, $"denied by {approver}: {reason}");
        }
    }

    /// <summary>Reverts actions whose TTL has passed and expires stale approvals; returns how many actions were reverted.</summary>
    public async ValueTask<int> TickAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return 0;
        }

        try
        {
            List<ActiveAction> due;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                due = [.. _active.Values.Where(a => a.Expires is { } e && e <= now)];
                foreach (var expired in _pending.Values.Where(p => p.Expires <= now).ToList())
                {
                    _pending.Remove(expired.Id);
                    Refuse(expired.Request, expired.Severity, RefusalReason.ApprovalExpired, $"nobody approved it within {_options.ApprovalTimeout}");
                }

                PruneWindows(now);
            }

            var reverted = 0;
            foreach (var action in due)
            {
                reverted += await RevertCoreAsync(action, "TTL expired", cancellationToken) ? 1 : 0;
            }

            return reverted;
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    /// <summary>Calls <see cref="TickAsync"/> every <paramref name="period"/> on the injected clock; dispose the timer to stop.</summary>
    public ITimer StartTicking(TimeSpan period) =>
        _time.CreateTimer(static state => _ = ((SafetyController)state!).TickAsync().AsTask(), this, period, period);

    /// <summary>Reverts one action in force now (a person's undo).</summary>
    public async ValueTask<bool> RevertAsync(string actionId, string reason, CancellationToken cancellationToken = default)
    {
        ActiveAction? action;
        lock (_gate)
        {
            _active.TryGetValue(actionId, out action);
        }

        return action is not null && await RevertCoreAsync(action, reason, cancellationToken);
    }

    /// <summary>Reverts every action in force (with the kill switch, the "undo everything" button); returns how many were reverted.</summary>
    public async ValueTask<int> RevertAllAsync(string reason, CancellationToken cancellationToken = default)
    {
        var reverted = 0;
        foreach (var action in ActiveActions)
        {
            reverted += await RevertCoreAsync(action, reason, cancellationToken) ? 1 : 0;
        }

        return reverted;
    }

    private RefusalReason? Check(ActionRequest request, Severity severity, DateTimeOffset now, out string message)
    {
        var target = request.Target;
        if (Volatile.Read(ref _killSwitchReason) is { } kill)
        {
            message = $"kill switch engaged ({kill})";
            return RefusalReason.KillSwitch;
        }

        // A detection whose chosen side has no pod or workload (an address outside the cluster, or one no source
        // attributed) leaves nothing a Kubernetes action can change; refusing here records why instead of letting
        // the actuator fail and count towards the circuit breaker.
        if (target.Kind == "Address")
        {
            message = $"{target.Name} is an address with no pod or workload behind it; {request.ActionType} needs one";
            return RefusalReason.UnattributedTarget;
        }

        if (target.Namespace is { } ns && _protectedNamespaces.Contains(ns))
        {
            message = $"namespace {ns} is protected";
            return RefusalReason.ProtectedNamespace;
        }

        if (target.Kind == "Namespace" && _protectedNamespaces.Contains(target.Name))
        {
            message = $"namespace {target.Name} is protected";
            return RefusalReason.ProtectedNamespace;
        }

        if (_protectedLabels.FirstOrDefault(s => s.Matches(target.Labels)) is { } selector)
        {
            message = $"labels match protected selector {selector}";
            return RefusalReason.ProtectedLabel;
        }

        if (_active.Values.Any(a => a.Request.Target.Key == target.Key && a.Request.ActionType == request.ActionType))
        {
            message = $"{request.ActionType} is already in force on {target}";
            return RefusalReason.AlreadyActive;
        }

        if (_perTarget.TryGetValue(target.Key, out var targetTimes) && Count(targetTimes, now - _options.TargetWindow) >= _options.MaxActionsPerTarget)
        {
            message = $"{target} already had {_options.MaxActionsPerTarget} actions within {_options.TargetWindow}";
            return RefusalReason.TargetRateLimit;
        }

        var budget = _options.SeverityBudgets.GetValueOrDefault(severity);
        if (_budgets.TryGetValue(severity, out var times) ? Count(times, now - _options.BudgetWindow) >= budget : budget <= 0)
        {
            message = $"the {severity.ToString().ToLowerInvariant()} severity budget of {budget} actions per {_options.BudgetWindow} is spent";
            return RefusalReason.GlobalRateLimit;
        }

        if (_active.Count >= _options.MaxActiveActions)
        {
            message = $"{_active.Count} actions are already in force (limit {_options.MaxActiveActions})";
            return RefusalReason.BlastRadiusActions;
        }

        if (WorkloadShare(request, out message) is { } workloadRefusal)
        {
            return workloadRefusal;
        }

        var node = NodeOf(target);
        if (node is not null)
        {
            var nodes = _active.Values.Select(a => NodeOf(a.Request.Target)).Where(n => n is not null).ToHashSet(StringComparer.Ordinal);
            if (!nodes.Contains(node) && nodes.Count + 1 > _options.MaxNodes)
            {
                message = $"actions already touch {nodes.Count} nodes (limit {_options.MaxNodes}); {node} would be one more";
                return RefusalReason.BlastRadiusNodes;
            }
        }

        if (_breaker.CircuitState is CircuitState.Open or CircuitState.Isolated)
        {
            message = "the circuit breaker is open after actuator failures";
            return RefusalReason.CircuitOpen;
        }

        return Pass(out message);
    }

    private static RefusalReason? Pass(out string message)
    {
        message = "allowed";
        return null;
    }

    private RefusalReason? WorkloadShare(ActionRequest request, out string message)
    {
        var target = request.Target;
        message = string.Empty;
        if (target.Workload is null)
        {
            return null;
        }

        var pods = _inventory?.PodCount(target.Namespace, target.Workload);
        if (pods is null or <= 0)
        {
            if (_options.RefuseUnknownWorkloadSize)
            {
                message = $"the pod count of {target.Namespace}/{target.Workload} is unknown";
                return RefusalReason.BlastRadiusWorkload;
            }

            return null;
        }

        var touched = new HashSet<string>(StringComparer.Ordinal);
        var wholeWorkload = target.Kind != "Pod";
        foreach (var active in _active.Values)
        {
            var t = active.Request.Target;
            if (t.Namespace == target.Namespace && t.Workload == target.Workload)
            {
                wholeWorkload |= t.Kind != "Pod";
                touched.Add(t.Name);
            }
        }

        touched.Add(target.Name);
        var affected = wholeWorkload ? pods.Value : Math.Min(touched.Count, pods.Value);

        // The share rounds down but never below one pod: acting on the single compromised pod of a workload is the point.
        var allowed = Math.Max(1, (int)Math.Floor(_options.MaxWorkloadShare * pods.Value));
        if (affected > allowed)
        {
            message = $"{affected} of {pods} pods of {target.Namespace}/{target.Workload} would be affected (limit {_options.MaxWorkloadShare.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)}, at most {allowed})";
            return RefusalReason.BlastRadiusWorkload;
        }

        return null;
    }

    private static string? NodeOf(ActionTarget target) => target.Kind == "Node" ? target.Name : target.Node;

    private static int Count(Queue<DateTimeOffset> times, DateTimeOffset since)
    {
        while (times.Count > 0 && times.Peek() <= since)
        {
            times.Dequeue();
        }

        return times.Count;
    }

    private void Reserve(ActionRequest request, Severity severity, DateTimeOffset now)
    {
        if (!_budgets.TryGetValue(severity, out var times))
        {
            _budgets[severity] = times = new Queue<DateTimeOffset>();
        }

        times.Enqueue(now);
        if (!_perTarget.TryGetValue(request.Target.Key, out var targetTimes))
        {
            _perTarget[request.Target.Key] = targetTimes = new Queue<DateTimeOffset>();
        }

        targetTimes.Enqueue(now);
        var ttl = request.Ttl ?? _options.DefaultTtl;
        _active[request.Id] = new ActiveAction(request, severity, now, ttl is { } t ? now + t : null, _options.DryRun || request.DryRun);
    }

    private void PruneWindows(DateTimeOffset now)
    {
        foreach (var key in _perTarget.Where(kv => Count(kv.Value, now - _options.TargetWindow) == 0).Select(kv => kv.Key).ToList())
        {
            _perTarget.Remove(key);
        }
    }

    private async ValueTask<SafetyVerdict> ExecuteAsync(ActionRequest request, Severity severity, bool budgeted, CancellationToken cancellationToken, string? note = null)
    {
        var prefix = note is null ? string.Empty : note + "; ";
        if (_options.DryRun || request.DryRun)
        {
            var dry = await _dryRun.ApplyAsync(request, cancellationToken);
            Record(request, severity, VerdictKind.DryRun, null, prefix + dry.Message);
            return new SafetyVerdict(request.Id, VerdictKind.DryRun, prefix + dry.Message) { Outcome = dry };
        }

        try
        {
            var outcome = budgeted
                ? await _pipeline.ExecuteAsync(static (state, ct) => state.Actuator.ApplyAsync(state.Request, ct), (Actuator: _actuator, Request: request), cancellationToken)
                : await _actuator.ApplyAsync(request, cancellationToken);
            if (outcome.State is ActionState.Applied or ActionState.Pending)
            {
                Record(request, severity, VerdictKind.Applied, null, prefix + outcome.Message);
                return new SafetyVerdict(request.Id, VerdictKind.Applied, prefix + outcome.Message) { Outcome = outcome };
            }

            return Fail(request, severity, prefix + outcome.Message, outcome);
        }
        catch (BrokenCircuitException)
        {
            lock (_gate)
            {
                _active.Remove(request.Id);
                return Refuse(request, severity, RefusalReason.CircuitOpen, "the circuit breaker is open after actuator failures");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail(request, severity, $"{prefix}actuator threw {ex.GetType().Name}: {ex.Message}", new ActionOutcome(request.Id, ActionState.Failed, ex.Message));
        }
    }

    private SafetyVerdict Fail(ActionRequest request, Severity severity, string message, ActionOutcome outcome)
    {
        lock (_gate)
        {
            // A failed action is not in force, but it keeps its budget: a failing actuator must not be retried in a tight loop.
            _active.Remove(request.Id);
        }

        Record(request, severity, VerdictKind.Failed, null, message);
        return new SafetyVerdict(request.Id, VerdictKind.Failed, message) { Outcome = outcome };
    }

    private async ValueTask<bool> RevertCoreAsync(ActiveAction action, string reason, CancellationToken cancellationToken)
    {
        ActionOutcome outcome;
        try
        {
            outcome = action.DryRun
                ? await _dryRun.RevertAsync(action.Request.Id, cancellationToken)
                : await _actuator.RevertAsync(action.Request.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = new ActionOutcome(action.Request.Id, ActionState.Failed, ex.Message);
        }

        if (outcome.State is ActionState.Reverted or ActionState.Expired)
        {
            lock (_gate)
            {
                _active.Remove(action.Request.Id);
            }

            Record(action.Request, action.Severity, VerdictKind.Reverted, null, $"{reason}: {outcome.Message}");
            return true;
        }

        Record(action.Request, action.Severity, VerdictKind.Failed, null, $"revert failed ({outcome.Message}); will retry on the next tick");
        return false;
    }

    private SafetyVerdict Refuse(ActionRequest request, Severity severity, RefusalReason reason, string message)
    {
        Record(request, severity, VerdictKind.Refused, reason, message);
        return new SafetyVerdict(request.Id, VerdictKind.Refused, message) { Reason = reason };
    }

    private void Record(ActionRequest? request, Severity severity, VerdictKind kind, RefusalReason? reason, string message)
    {
        lock (_gate)
        {
            _results[kind] = _results.GetValueOrDefault(kind) + 1;
            if (reason is { } r && request is not null)
            {
                var label = SafetyMetricNames.Label(r);
                _refusals[label] = _refusals.GetValueOrDefault(label) + 1;
            }
        }

        Log.Add(new SafetyRecord(
            _time.GetUtcNow(),
            request?.Rule ?? string.Empty,
            request?.Target.Key ?? string.Empty,
            request?.ActionType ?? string.Empty,
            request?.Id ?? string.Empty,
            severity,
            kind,
            reason,
            message));
    }
}

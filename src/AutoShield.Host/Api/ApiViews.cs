using AutoShield.Host.Runtime;
using AutoShield.Kubernetes.Ledger;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Api;

/// <summary>The JSON shapes of the API (snake_case on the wire), built from the runtime's live state.</summary>
internal static class ApiViews
{
    public static object Status(AutoShieldRuntime runtime)
    {
        var policy = runtime.Policy.Status;
        return new
        {
            State = runtime.State.ToName(),
            Failure = runtime.Failure?.Message,
            Actuation = runtime.DryRun ? "dry-run" : "enabled",
            Leader = runtime.MayAct,
            Sources = runtime.Sources.Select(s => new { s.Name, Kind = s.Kind.ToName(), Events = s.Reader.Counters.Good, Errors = s.Reader.Counters.Bad, s.Reader.Counters.Skipped, RecentErrors = s.FirstErrors.Select(e => e.ToString()) }),
            Detector = new { runtime.Detector.Windows, runtime.Detector.Scored, runtime.Detector.Emitted, runtime.Detector.Suppressed },
            Decisions = new { runtime.Decided, runtime.QueueDepth, runtime.QueueWaits, ByOutcome = runtime.Engine.DecisionsByOutcome.ToDictionary(kv => kv.Key.ToName(), kv => kv.Value) },
            Policy = new { policy.Version, policy.Rules, policy.LoadedAt, LastReloadSucceeded = policy.LastReloadSucceeded },
            Safety = new
            {
                KillSwitch = runtime.Safety.KillSwitchEngaged,
                Circuit = runtime.Safety.CircuitState.ToName(),
                ActiveActions = runtime.Safety.ActiveActions.Count,
                PendingApprovals = runtime.Safety.PendingApprovals.Count,
                RefusalsByReason = runtime.Safety.RefusalsByReason,
            },
        };
    }

    public static object Detection(DetectionEntry entry)
    {
        var d = entry.Detection;
        return new
        {
            d.Id,
            d.Time,
            Source = d.Source,
            Destination = d.Destination,
            Class = d.AttackClass,
            Confidence = Math.Round(d.Confidence, 4),
            d.Detector,
            d.Explanation,
            d.AnomalyScore,
            d.Features,
            Decisions = entry.Responses.Select(r => new
            {
                r.Decision.Rule,
                Severity = r.Decision.Severity.ToName(),
                Outcome = r.Decision.Outcome.ToName(),
                Target = r.Decision.Target.Key,
                r.Decision.Level,
                r.Decision.Reason,
                Actions = r.Decision.Actions.Select((a, i) => new
                {
                    a.Id,
                    a.ActionType,
                    a.Parameters,
                    Result = i < r.Verdicts.Count ? r.Verdicts[i].Kind.ToName() : null,
                    Reason = i < r.Verdicts.Count && r.Verdicts[i].Reason is { } reason ? SafetyMetricNames.Label(reason) : null,
                    Message = i < r.Verdicts.Count ? r.Verdicts[i].Message : null,
                    ApprovalId = i < r.Verdicts.Count ? r.Verdicts[i].ApprovalId : null,
                }),
            }),
        };
    }

    public static async Task<object> ActionsAsync(AutoShieldRuntime runtime, IActionLedger? ledger, CancellationToken ct)
    {
        var records = ledger is null ? [] : await ledger.ListAsync(ct);
        return new
        {
            Actuation = runtime.DryRun ? "dry-run" : "enabled",
            Active = runtime.Safety.ActiveActions.Select(a => new
            {
                a.Request.Id,
                a.Request.ActionType,
                Target = a.Request.Target.Key,
                a.Request.Rule,
                DetectionId = a.Request.Detection?.Id,
                Severity = a.Severity.ToName(),
                a.Applied,
                a.Expires,
                a.DryRun,
            }),
            Ledger = records.OrderByDescending(r => r.Created).Select(r => new
            {
                r.Id,
                r.ActionType,
                Target = r.Target.Key,
                State = r.State.ToName(),
                r.Created,
                r.Updated,
                r.Expires,
                r.Rule,
                r.DetectionId,
                r.Effective,
                r.LastError,
            }),
        };
    }

    public static object Approval(PendingApproval approval) => new
    {
        approval.Id,
        ActionId = approval.Request.Id,
        approval.Request.ActionType,
        Target = approval.Request.Target.Key,
        approval.Request.Rule,
        DetectionId = approval.Request.Detection?.Id,
        Explanation = approval.Request.Detection?.Explanation.Sentence,
        Severity = approval.Severity.ToName(),
        approval.Requested,
        approval.Expires,
    };

    public static object Verdict(SafetyVerdict verdict) => new
    {
        verdict.ActionId,
        Result = verdict.Kind.ToName(),
        Reason = verdict.Reason is { } r ? SafetyMetricNames.Label(r) : null,
        verdict.Message,
    };

    public static object Policy(AutoShieldRuntime runtime)
    {
        var status = runtime.Policy.Status;
        return new
        {
            status.Version,
            status.LoadedAt,
            status.Files,
            status.Reloads,
            status.ReloadFailures,
            status.LastReloadSucceeded,
            LastErrors = status.LastErrors.Select(e => new { e.File, e.Line, e.Column, e.Message, Text = e.ToString() }),
            status.LastErrorAt,
            Rules = runtime.Policy.Current.Rules.Select(r => new
            {
                r.Name,
                r.AttackClass,
                Severity = r.Severity.ToName(),
                r.ConfidenceThreshold,
                CooldownSeconds = r.Cooldown.TotalSeconds,
                Mode = r.Mode.ToName(),
                r.Enabled,
                Condition = r.Condition?.Text,
                Actions = r.Actions.Select(a => a.ActionType),
                Location = r.Location.ToString(),
            }),
        };
    }

    public static object SafetyEntry(SafetyRecord record) => new
    {
        record.Time,
        record.Rule,
        record.Target,
        record.ActionType,
        record.ActionId,
        Severity = record.Severity.ToName(),
        Result = record.Kind.ToName(),
        Reason = record.ReasonLabel.Length == 0 ? null : record.ReasonLabel,
        record.Message,
    };

    public static KillSwitchView KillSwitch(AutoShieldRuntime runtime) => new(runtime.Safety.KillSwitchEngaged, runtime.Safety.KillSwitchReason);
}

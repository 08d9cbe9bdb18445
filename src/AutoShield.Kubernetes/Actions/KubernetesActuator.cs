using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Events;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// Carries out actions against the cluster with a ledger entry written before every API call: pending (with the
/// prior state captured) → the change → applied, or failed with the error; revert is requested in the ledger, then
/// done, then recorded. <see cref="ReconcileAsync"/> on start-up finishes what a crash interrupted. Only acts while
/// <see cref="KubernetesActuatorOptions.IsLeader"/> says this replica holds the Lease.
/// </summary>
public sealed class KubernetesActuator : IActuator
{
    private readonly KubernetesClient _client;
    private readonly IActionLedger _ledger;
    private readonly ActionRegistry _registry;
    private readonly KubernetesActuatorOptions _options;
    private readonly ActionEventRecorder _events;

    public KubernetesActuator(KubernetesClient client, IActionLedger ledger, ActionRegistry registry, KubernetesActuatorOptions? options = null)
    {
        _client = client;
        _ledger = ledger;
        _registry = registry;
        _options = options ?? new KubernetesActuatorOptions();
        _events = new ActionEventRecorder(client, _options.TimeProvider, _options.Instance);
    }

    public IActionLedger Ledger => _ledger;

    public async ValueTask<ActionOutcome> ApplyAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_options.IsLeader())
        {
            return new ActionOutcome(request.Id, ActionState.Failed, "not applied: this replica does not hold the leader Lease");
        }

        if (!ActionIds.IsValid(request.Id))
        {
            return new ActionOutcome(request.Id, ActionState.Failed, $"action id '{request.Id}' is not a lowercase DNS label of at most 40 characters");
        }

        var existing = await _ledger.GetAsync(request.Id, cancellationToken);
        if (existing is not null && existing.State != ActionState.Pending)
        {
            return new ActionOutcome(request.Id, existing.State, $"action {request.Id} is already {Name(existing.State)}; nothing changed");
        }

        var errors = _registry.Validate(request, out var resolved);
        var now = _options.TimeProvider.GetUtcNow();
        var record = existing ?? new ActionRecord
        {
            Id = request.Id,
            ActionType = request.ActionType,
            Target = request.Target,
            Parameters = resolved,
            Rule = request.Rule,
            DetectionId = request.Detection?.Id,
            Explanation = request.Detection?.Explanation.Sentence is { Length: > 0 } sentence ? sentence : null,
            State = ActionState.Pending,
            Created = now,
            Updated = now,
            Expires = request.Ttl is { } ttl ? now + ttl : null,
        };
        if (errors.Count > 0)
        {
            var message = string.Join("; ", errors);
            if (!request.DryRun)
            {
                await _ledger.SaveAsync(record with { State = ActionState.Failed, LastError = message }, cancellationToken);
            }

            return new ActionOutcome(request.Id, ActionState.Failed, message);
        }

        _registry.TryGet(request.ActionType, out var action);
        if (request.DryRun)
        {
            return await DryRunAsync(action, request with { Parameters = resolved }, cancellationToken);
        }

        // Durable before anything touches the cluster: a crash from here on is found and finished by ReconcileAsync.
        await _ledger.SaveAsync(record, cancellationToken);
        return await ApplyRecordAsync(action, record, request, cancellationToken);
    }

    public async ValueTask<ActionOutcome> RevertAsync(string actionId, CancellationToken cancellationToken)
    {
        if (!_options.IsLeader())
        {
            return new ActionOutcome(actionId, ActionState.Failed, "not reverted: this replica does not hold the leader Lease");
        }

        var record = await _ledger.GetAsync(actionId, cancellationToken);
        if (record is null)
        {
            return new ActionOutcome(actionId, ActionState.Failed, $"no action {actionId} in the ledger");
        }

        if (record.State is not (ActionState.Applied or ActionState.Pending))
        {
            return new ActionOutcome(actionId, record.State, $"action {actionId} is {Name(record.State)}; there is nothing to revert");
        }

        return await RevertRecordAsync(record, ActionState.Reverted, cancellationToken);
    }

    /// <summary>
    /// Brings the ledger and the cluster into agreement after a start or a crash: a pending action whose change is
    /// in the cluster is marked applied; one whose change is not is applied again (up to MaxAttempts); a revert cut
    /// short is finished; applied actions past their TTL are reverted as expired.
    /// </summary>
    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        int finished = 0, retried = 0, failed = 0, reverted = 0, expired = 0;
        if (!_options.IsLeader())
        {
            return new ReconcileReport(0, 0, 0, 0, 0);
        }

        foreach (var record in await _ledger.ListAsync(cancellationToken))
        {
            var due = record.Expires is { } expires && expires <= _options.TimeProvider.GetUtcNow();
            if (record.RevertRequested || (record.State == ActionState.Applied && due))
            {
                var outcome = await RevertRecordAsync(record, due ? ActionState.Expired : ActionState.Reverted, cancellationToken);
                _ = outcome.State == ActionState.Expired ? expired++ : outcome.State == ActionState.Reverted ? reverted++ : failed++;
                continue;
            }

            if (record.State != ActionState.Pending)
            {
                continue;
            }

            if (!_registry.TryGet(record.ActionType, out var action))
            {
                await _ledger.SaveAsync(record with { State = ActionState.Failed, LastError = $"unknown action type {record.ActionType}", Updated = _options.TimeProvider.GetUtcNow() }, cancellationToken);
                failed++;
                continue;
            }

            var request = RequestOf(record);
            if (record.PriorState is not null && await IsAppliedAsync(action, record, request, cancellationToken))
            {
                await MarkAppliedAsync(record, cancellationToken);
                finished++;
            }
            else if (record.Attempts >= _options.MaxAttempts)
            {
                await _ledger.SaveAsync(record with { State = ActionState.Failed, LastError = $"gave up after {record.Attempts} attempts: {record.LastError}", Updated = _options.TimeProvider.GetUtcNow() }, cancellationToken);
                failed++;
            }
            else
            {
                var outcome = await ApplyRecordAsync(action, record, request, cancellationToken);
                _ = outcome.State == ActionState.Applied ? retried++ : failed++;
            }
        }

        return new ReconcileReport(finished, retried, failed, reverted, expired);
    }

    private async Task<ActionOutcome> ApplyRecordAsync(IClusterAction action, ActionRecord record, ActionRequest request, CancellationToken cancellationToken)
    {
        var context = Context(record, request, cancellationToken);
        try
        {
            if (record.PriorState is null)
            {
                await action.CaptureAsync(context);
                record = record with { PriorState = context.Prior.ToJsonString() };
            }

            record = record with { Attempts = record.Attempts + 1, Updated = _options.TimeProvider.GetUtcNow() };
            await _ledger.SaveAsync(record, cancellationToken);
            _options.CrashHook?.Invoke(CrashPoint.AfterLedgerWrite);
            await action.ApplyAsync(context);
            _options.CrashHook?.Invoke(CrashPoint.AfterApiCall);
        }
        catch (Exception error) when (IsFailure(error, cancellationToken))
        {
            var message = Describe(error);
            await _ledger.SaveAsync(record with { State = ActionState.Failed, LastError = message, Updated = _options.TimeProvider.GetUtcNow() }, CancellationToken.None);
            return new ActionOutcome(record.Id, ActionState.Failed, message);
        }

        return await MarkAppliedAsync(record, cancellationToken);
    }

    private async Task<ActionOutcome> MarkAppliedAsync(ActionRecord record, CancellationToken cancellationToken)
    {
        record = record with { State = ActionState.Applied, LastError = null, Updated = _options.TimeProvider.GetUtcNow() };
        await _ledger.SaveAsync(record, cancellationToken);
        var message = $"AutoShield applied {record.ActionType} (action {record.Id}) on {record.Target} for rule '{record.Rule}'"
            + (record.Explanation is { } why ? $": {why}" : string.Empty);
        await EventAsync(record, ActionEventRecorder.AppliedReason, message, cancellationToken);
        return new ActionOutcome(record.Id, ActionState.Applied, message);
    }

    private async Task<ActionOutcome> RevertRecordAsync(ActionRecord record, ActionState final, CancellationToken cancellationToken)
    {
        if (!_registry.TryGet(record.ActionType, out var action))
        {
            return new ActionOutcome(record.Id, ActionState.Failed, $"unknown action type {record.ActionType}");
        }

        record = record with { RevertRequested = true, Updated = _options.TimeProvider.GetUtcNow() };
        await _ledger.SaveAsync(record, cancellationToken);
        var context = Context(record, RequestOf(record), cancellationToken);
        try
        {
            _options.CrashHook?.Invoke(CrashPoint.RevertAfterLedgerWrite);
            await action.RevertAsync(context);
            _options.CrashHook?.Invoke(CrashPoint.RevertAfterApiCall);
        }
        catch (Exception error) when (IsFailure(error, cancellationToken))
        {
            // The action stays applied and the revert stays requested: the next reconcile tries again.
            var message = Describe(error);
            await _ledger.SaveAsync(record with { LastError = message }, CancellationToken.None);
            return new ActionOutcome(record.Id, record.State, $"revert failed: {message}");
        }

        record = record with { State = final, RevertRequested = false, LastError = null, Updated = _options.TimeProvider.GetUtcNow() };
        await _ledger.SaveAsync(record, cancellationToken);
        var reason = final == ActionState.Expired ? "its TTL expired" : "it was reverted";
        var text = $"AutoShield reverted {record.ActionType} (action {record.Id}) on {record.Target}: {reason}";
        await EventAsync(record, ActionEventRecorder.RevertedReason, text, cancellationToken);
        return new ActionOutcome(record.Id, final, text);
    }

    private async Task<ActionOutcome> DryRunAsync(IClusterAction action, ActionRequest request, CancellationToken cancellationToken)
    {
        var context = new ActionContext(_client, request, request.Parameters, [], _options.TimeProvider, cancellationToken);
        try
        {
            await action.CaptureAsync(context);
            await action.ApplyAsync(context);
        }
        catch (Exception error) when (IsFailure(error, cancellationToken))
        {
            return new ActionOutcome(request.Id, ActionState.Failed, $"dry run: {Describe(error)}");
        }

        return new ActionOutcome(request.Id, ActionState.Pending, $"dry run: {request.ActionType} on {request.Target} would be applied (the API server accepted it with dryRun=All); nothing changed");
    }

    private async Task<bool> IsAppliedAsync(IClusterAction action, ActionRecord record, ActionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await action.IsAppliedAsync(Context(record, request, cancellationToken));
        }
        catch (Exception error) when (IsFailure(error, cancellationToken))
        {
            return false;
        }
    }

    private async Task EventAsync(ActionRecord record, string reason, string message, CancellationToken cancellationToken)
    {
        if (_options.WriteEvents)
        {
            await _events.RecordAsync(record.Target, record.Id, reason, message, cancellationToken);
        }
    }

    private ActionContext Context(ActionRecord record, ActionRequest request, CancellationToken cancellationToken)
    {
        var prior = record.PriorState is null ? [] : JsonNode.Parse(record.PriorState)!.AsObject();
        return new ActionContext(_client, request, record.Parameters, prior, _options.TimeProvider, cancellationToken);
    }

    private static ActionRequest RequestOf(ActionRecord record) => new()
    {
        Id = record.Id,
        ActionType = record.ActionType,
        Target = record.Target,
        Parameters = record.Parameters,
        Rule = record.Rule,
        Requested = record.Created,
    };

    private static bool IsFailure(Exception error, CancellationToken cancellationToken) => error switch
    {
        KubernetesApiException or ActionRefusedException or HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static string Describe(Exception error) => error switch
    {
        KubernetesApiException api => $"{api.StatusCode} {api.Reason}: {api.Message}",
        _ => error.Message,
    };

    private static string Name(ActionState state) => state.ToString().ToLowerInvariant();
}

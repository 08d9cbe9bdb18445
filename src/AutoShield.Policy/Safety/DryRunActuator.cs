using AutoShield.Core.Actions;

namespace AutoShield.Policy.Safety;

/// <summary>
/// An actuator that changes nothing: it records what it was asked to do and answers Applied with "dry run" in the
/// message. Used by dry-run mode, monitor rules and backtests.
/// </summary>
public sealed class DryRunActuator : IActuator
{
    private readonly Lock _gate = new();
    private readonly List<ActionRequest> _applied = [];
    private readonly List<string> _reverted = [];

    public IReadOnlyList<ActionRequest> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    public IReadOnlyList<string> Reverted
    {
        get
        {
            lock (_gate)
            {
                return [.. _reverted];
            }
        }
    }

    public ValueTask<ActionOutcome> ApplyAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _applied.Add(request);
        }

        return ValueTask.FromResult(new ActionOutcome(request.Id, ActionState.Applied, $"dry run: would apply {request.ActionType} to {request.Target}"));
    }

    public ValueTask<ActionOutcome> RevertAsync(string actionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _reverted.Add(actionId);
        }

        return ValueTask.FromResult(new ActionOutcome(actionId, ActionState.Reverted, "dry run: would revert"));
    }
}

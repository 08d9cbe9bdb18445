using AutoShield.Core.Actions;

namespace AutoShield.Policy.Tests.Safety;

/// <summary>A hand-written actuator that records every call and can be told to fail applies or reverts.</summary>
public sealed class RecordingActuator : IActuator
{
    private readonly List<ActionRequest> _applied = [];
    private readonly List<string> _reverted = [];

    public bool FailApplies { get; set; }

    public bool ThrowOnApply { get; set; }

    public bool FailReverts { get; set; }

    public IReadOnlyList<ActionRequest> Applied => _applied;

    public IReadOnlyList<string> Reverted => _reverted;

    public int ApplyCalls { get; private set; }

    public ValueTask<ActionOutcome> ApplyAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ApplyCalls++;
        if (ThrowOnApply)
        {
            throw new InvalidOperationException("API server unreachable");
        }

        if (FailApplies)
        {
            return ValueTask.FromResult(new ActionOutcome(request.Id, ActionState.Failed, "422 Unprocessable Entity"));
        }

        _applied.Add(request);
        return ValueTask.FromResult(new ActionOutcome(request.Id, ActionState.Applied, $"applied {request.ActionType}"));
    }

    public ValueTask<ActionOutcome> RevertAsync(string actionId, CancellationToken cancellationToken)
    {
        if (FailReverts)
        {
            return ValueTask.FromResult(new ActionOutcome(actionId, ActionState.Failed, "500 Internal Server Error"));
        }

        _reverted.Add(actionId);
        return ValueTask.FromResult(new ActionOutcome(actionId, ActionState.Reverted, "reverted"));
    }
}

using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Actions;

/// <summary><c>alert_only</c>: changes nothing in the cluster; records the action and hands an alert to the alert sink.</summary>
public sealed class AlertOnlyAction : IClusterAction
{
    private readonly IAlertSink _sink;

    public AlertOnlyAction(IAlertSink sink)
    {
        _sink = sink;
    }

    public string Name => ActionType.AlertOnly;

    public string Description => "Raise an alert on a channel; the cluster is not changed.";

    public IReadOnlyList<string> TargetKinds { get; } = ["Pod", "Node", "Ingress", "Service", "Deployment"];

    public IReadOnlyList<ActionParameter> Parameters { get; } =
    [
        new("channel", ParameterKind.Text, "default", "Alert channel name (soc_dashboard, hipaa_compliance_log, ...)."),
        ActionParameter.Choice("priority", "medium", "Alert priority.", "low", "medium", "high", "critical"),
    ];

    public IReadOnlyList<RbacRequirement> Rbac { get; } = [];

    public Task CaptureAsync(ActionContext context) => Task.CompletedTask;

    public async Task ApplyAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.DryRun)
        {
            await _sink.SendAsync(Alert(context, withdrawn: false), context.CancellationToken);
        }
    }

    // The sink is fire-and-forget, so a pending alert is resent after a crash (at least once, never silently lost).
    public Task<bool> IsAppliedAsync(ActionContext context) => Task.FromResult(false);

    public async Task RevertAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await _sink.SendAsync(Alert(context, withdrawn: true), context.CancellationToken);
    }

    private static ActionAlert Alert(ActionContext context, bool withdrawn) => new(
        context.Id,
        context.Request.Rule,
        context.Target,
        context.Text("channel"),
        context.Text("priority"),
        context.Request.Detection?.Explanation.Sentence is { Length: > 0 } sentence ? sentence : $"{context.Request.Rule} on {context.Target}",
        context.Time.GetUtcNow(),
        withdrawn);
}

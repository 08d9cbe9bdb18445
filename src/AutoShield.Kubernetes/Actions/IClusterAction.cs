using AutoShield.Core.Actions;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// One action type the actuator can carry out. It describes itself (name, parameters, target kinds, RBAC) so that
/// parameters are validated at load and the ClusterRole is generated from the declarations. Apply is idempotent:
/// it finds its own labelled objects and annotations and changes nothing twice. Capture runs before any change and
/// stores in <see cref="ActionContext.Prior"/> what Revert needs to put the target back exactly.
/// </summary>
public interface IClusterAction
{
    /// <summary>The <c>action_type</c> of policies (one of <see cref="ActionType"/>).</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Kinds of target it accepts (<c>Pod</c>, <c>Node</c>, <c>Ingress</c>, <c>Service</c>); the first is the CLI's default.</summary>
    IReadOnlyList<string> TargetKinds { get; }

    IReadOnlyList<ActionParameter> Parameters { get; }

    IReadOnlyList<RbacRequirement> Rbac { get; }

    /// <summary>Reads and records what the change will overwrite; runs once per action id, before the first change.</summary>
    Task CaptureAsync(ActionContext context);

    Task ApplyAsync(ActionContext context);

    /// <summary>Whether the cluster already shows this action's change (used to finish a pending action after a crash).</summary>
    Task<bool> IsAppliedAsync(ActionContext context);

    Task RevertAsync(ActionContext context);
}

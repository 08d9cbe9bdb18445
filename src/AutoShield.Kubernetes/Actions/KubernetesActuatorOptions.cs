namespace AutoShield.Kubernetes.Actions;

/// <summary>Settings of a <see cref="KubernetesActuator"/>: clock, leadership gate, retries, events, and the crash hook tests use.</summary>
public sealed record KubernetesActuatorOptions
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Asked before every change: only the replica holding the Lease actuates. Always true for the CLI.</summary>
    public Func<bool> IsLeader { get; init; } = static () => true;

    /// <summary>How many apply attempts a pending action gets (across restarts) before it is marked failed.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Write a Kubernetes Event on the target for each apply and revert.</summary>
    public bool WriteEvents { get; init; } = true;

    /// <summary>reportingInstance of the events: the pod name in the cluster, the host name from the CLI.</summary>
    public string Instance { get; init; } = "autoshield";

    /// <summary>Called at each <see cref="CrashPoint"/>; a test throws from it to simulate the process dying there.</summary>
    public Action<CrashPoint>? CrashHook { get; init; }
}

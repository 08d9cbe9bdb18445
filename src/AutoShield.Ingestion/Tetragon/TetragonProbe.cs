namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// What a tracing policy hook saw: a kprobe or LSM hook (<see cref="FunctionName"/>), a tracepoint
/// (<see cref="Subsystem"/> and <see cref="EventName"/>) or a uprobe (<see cref="Path"/> and <see cref="Symbol"/>).
/// </summary>
public sealed record TetragonProbe
{
    public string? FunctionName { get; init; }

    public string? Subsystem { get; init; }

    public string? EventName { get; init; }

    /// <summary>Uprobe binary path.</summary>
    public string? Path { get; init; }

    /// <summary>Uprobe symbol.</summary>
    public string? Symbol { get; init; }

    public string? PolicyName { get; init; }

    /// <summary>Action name (<c>KPROBE_ACTION_POST</c>, <c>KPROBE_ACTION_SIGKILL</c>), or its number when exported as one.</summary>
    public string? Action { get; init; }

    public string? ReturnAction { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<TetragonArgument> Args { get; init; } = [];

    /// <summary>The hooked function's return value, when the policy asked for it.</summary>
    public TetragonArgument? Return { get; init; }
}

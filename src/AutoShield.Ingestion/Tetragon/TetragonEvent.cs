namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// One Tetragon event (a <c>GetEventsResponse</c> of the JSON export): its type, when and where it happened, the
/// process and its parent, and the part specific to the type (exit, probe or legacy socket).
/// </summary>
public sealed record TetragonEvent
{
    public required TetragonEventType Type { get; init; }

    /// <summary>The event key as written (<c>process_exec</c>, or an unknown one such as <c>process_loader</c>).</summary>
    public required string TypeName { get; init; }

    /// <summary>Event time in nanoseconds since the Unix epoch; null when the record has no <c>time</c>.</summary>
    public long? TimeUnixNanos { get; init; }

    public string? NodeName { get; init; }

    public string? ClusterName { get; init; }

    public IReadOnlyDictionary<string, string>? NodeLabels { get; init; }

    public TetragonProcess? Process { get; init; }

    public TetragonProcess? Parent { get; init; }

    /// <summary>Ancestors beyond the parent, nearest first, when Tetragon was asked to include them.</summary>
    public IReadOnlyList<TetragonProcess> Ancestors { get; init; } = [];

    /// <summary>Set on <c>process_exit</c>.</summary>
    public TetragonExit? Exit { get; init; }

    /// <summary>Set on <c>process_kprobe</c>, <c>process_tracepoint</c>, <c>process_uprobe</c> and <c>process_lsm</c>.</summary>
    public TetragonProbe? Probe { get; init; }

    /// <summary>Set on the legacy <c>process_connect</c>, <c>process_close</c> and <c>process_listen</c>.</summary>
    public TetragonSocket? Socket { get; init; }

    public DateTimeOffset? Time => TimeUnixNanos is { } nanos ? TetragonTime.ToDateTimeOffset(nanos) : null;
}

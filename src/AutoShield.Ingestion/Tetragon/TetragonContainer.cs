namespace AutoShield.Ingestion.Tetragon;

/// <summary>The container a process runs in.</summary>
public sealed record TetragonContainer
{
    /// <summary>Runtime-prefixed id (<c>containerd://…</c>, <c>docker://…</c>).</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ImageId { get; init; }

    public string? ImageName { get; init; }

    public long? StartTimeUnixNanos { get; init; }

    /// <summary>PID inside the container's PID namespace.</summary>
    public uint? Pid { get; init; }
}

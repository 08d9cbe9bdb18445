namespace AutoShield.Ingestion.Tetragon;

/// <summary>A process as Tetragon describes it (the <c>Process</c> message), used for the process, its parent and ancestors.</summary>
public sealed record TetragonProcess
{
    public string? Binary { get; init; }

    /// <summary>Arguments as one space-joined string, exactly as exported.</summary>
    public string? Arguments { get; init; }

    public string? Cwd { get; init; }

    /// <summary>Space-separated flags such as <c>execve clone</c> or <c>procFS</c>.</summary>
    public string? Flags { get; init; }

    /// <summary>Cluster-unique process id (base64).</summary>
    public string? ExecId { get; init; }

    public string? ParentExecId { get; init; }

    public uint? Pid { get; init; }

    public uint? Tid { get; init; }

    public uint? Uid { get; init; }

    /// <summary>Audit (login) uid; 4294967295 means unset.</summary>
    public uint? Auid { get; init; }

    public long? StartTimeUnixNanos { get; init; }

    public uint? RefCount { get; init; }

    /// <summary>Short container id (<c>process.docker</c>).</summary>
    public string? Docker { get; init; }

    public TetragonCapabilities? Capabilities { get; init; }

    /// <summary>Linux namespaces by name (<c>uts</c>, <c>net</c>, <c>pid</c>, ...), when Tetragon exports them.</summary>
    public IReadOnlyDictionary<string, TetragonNamespace>? Namespaces { get; init; }

    /// <summary>The Kubernetes pod; null for host processes.</summary>
    public TetragonPod? Pod { get; init; }
}

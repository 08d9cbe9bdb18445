namespace AutoShield.Ingestion.Tetragon;

/// <summary>How a process ended (<c>process_exit</c>): the signal name, if any, and the exit status.</summary>
public sealed record TetragonExit
{
    /// <summary>Signal name such as <c>SIGKILL</c>; null when the process exited on its own.</summary>
    public string? Signal { get; init; }

    /// <summary>Exit status; proto3 JSON omits 0, so absent reads as 0.</summary>
    public uint Status { get; init; }

    public long? TimeUnixNanos { get; init; }
}

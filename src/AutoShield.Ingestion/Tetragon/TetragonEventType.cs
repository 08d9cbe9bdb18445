namespace AutoShield.Ingestion.Tetragon;

/// <summary>The event key of a Tetragon <c>GetEventsResponse</c>; <see cref="Unknown"/> keeps its name in <see cref="TetragonEvent.TypeName"/>.</summary>
public enum TetragonEventType
{
    Unknown = 0,
    ProcessExec,
    ProcessExit,
    ProcessKprobe,
    ProcessTracepoint,
    ProcessUprobe,
    ProcessLsm,
    /// <summary>Legacy (Isovalent / early Tetragon) socket connect.</summary>
    ProcessConnect,
    /// <summary>Legacy socket close, with socket statistics.</summary>
    ProcessClose,
    /// <summary>Legacy socket listen.</summary>
    ProcessListen,
}

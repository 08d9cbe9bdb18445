namespace AutoShield.Ingestion.Tetragon;

/// <summary>Outcome of mapping one Tetragon event to a flow event.</summary>
internal enum FlowMapResult
{
    Flow,
    /// <summary>Well-formed, but not a connection event (exec, exit, listen, a kprobe on another function).</summary>
    Skipped,
    /// <summary>A network event lacking what a flow event needs (time, remote address).</summary>
    Bad,
}

namespace AutoShield.Ingestion.Simulation.Export;

/// <summary>What one node's Hubble export keeps of the events it observes (exporter allow-lists, <c>hubble observe --type</c>).</summary>
internal enum ExportStyle
{
    /// <summary>Every event: traces, drops, policy verdicts, L7 access logs.</summary>
    Everything,

    /// <summary>Only policy verdicts and drops: one event per new connection, nothing after the first packet.</summary>
    VerdictsAndDrops,

    /// <summary>Only L7 access logs (HTTP, DNS): connections without any TCP flag.</summary>
    L7Only,

    /// <summary>Only trace and drop events: no verdicts, no L7.</summary>
    TracesOnly,
}

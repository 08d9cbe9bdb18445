using AutoShield.Kubernetes.Leadership;

namespace AutoShield.Host.Runtime;

/// <summary>How the process joins a cluster: its ledger file, its identity, and whether it elects a leader.</summary>
public sealed record ClusterWiringOptions
{
    /// <summary>SQLite ledger file; null keeps the ledger in memory (tests).</summary>
    public string? LedgerPath { get; init; }

    /// <summary>This replica's name (the pod name in a cluster); also the Lease holder identity.</summary>
    public required string Identity { get; init; }

    /// <summary>Leader election on a Lease; null acts without it (one replica).</summary>
    public LeaderElectionOptions? Leadership { get; init; }

    /// <summary>Attribute bare addresses (pcap, CSV) to pods from the watched pod cache.</summary>
    public bool Attribute { get; init; } = true;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

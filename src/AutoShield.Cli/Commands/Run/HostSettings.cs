using AutoShield.Detection.Models;
using AutoShield.Host.Api;
using AutoShield.Ingestion.Sources;
using AutoShield.Kubernetes.Config;
using AutoShield.Policy.Safety;

namespace AutoShield.Cli.Commands.Run;

/// <summary>Everything <c>autoshield run</c> (and the serving <c>demo</c>) needs to start the process.</summary>
internal sealed record HostSettings
{
    public required Func<CancellationToken, IReadOnlyList<OpenedSource>> OpenSources { get; init; }

    public required string SourceDescription { get; init; }

    public DetectionModel? Model { get; init; }

    public IReadOnlyList<string> PolicyFiles { get; init; } = [];

    public SafetyOptions Safety { get; init; } = new();

    /// <summary>A cluster to act on and watch; null runs without one (dry run, traffic-learned inventory).</summary>
    public KubernetesConnection? Cluster { get; init; }

    public bool EnableActuation { get; init; }

    public bool LeaderElection { get; init; }

    public required string Identity { get; init; }

    public required string DataDirectory { get; init; }

    public string? LedgerPath { get; init; }

    public required ServerOptions Server { get; init; }

    public required string TokenOrigin { get; init; }

    /// <summary>Stop once the sources are read and every detection decided (recorded input, tests); otherwise serve until stopped.</summary>
    public bool ExitWhenDrained { get; init; }
}

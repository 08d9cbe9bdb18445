using AutoShield.Core.Actions;
using AutoShield.Detection.Models;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;
using AutoShield.Kubernetes.Effects;
using AutoShield.Kubernetes.Ledger;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Runtime;

/// <summary>
/// What one AutoShield process runs: its sources, model, policy files and safety limits, and (when a cluster is
/// configured) the real actuator with its ledger and leader election. Without an actuator everything is decided,
/// checked and recorded, and nothing is changed (dry run): the safe default.
/// </summary>
public sealed record RuntimeOptions
{
    /// <summary>Opens the inputs, read one after another by the ingestion thread; called once at start.</summary>
    public required Func<IReadOnlyList<OpenedSource>> OpenSources { get; init; }

    /// <summary>The classifier; null runs the fan-out rules only.</summary>
    public DetectionModel? Model { get; init; }

    public WindowDetectorOptions Detector { get; init; } = new();

    public IngestionOptions Ingestion { get; init; } = new();

    /// <summary>Policy files, merged in order and reloaded when they change.</summary>
    public IReadOnlyList<string> PolicyFiles { get; init; } = [];

    public SafetyOptions Safety { get; init; } = new();

    public DecisionOptions Decisions { get; init; } = new();

    /// <summary>The actuator that changes the cluster; null (or <see cref="SafetyOptions.DryRun"/>) runs the dry-run actuator.</summary>
    public IActuator? Actuator { get; init; }

    /// <summary>The actuator's ledger, read by the effect check and the API; null without a real actuator.</summary>
    public IActionLedger? Ledger { get; init; }

    /// <summary>Blast-radius inventory; null learns workloads from the pods seen in traffic.</summary>
    public IClusterInventory? Inventory { get; init; }

    /// <summary>Whether this replica may act now (leader election); null: always.</summary>
    public Func<bool>? MayAct { get; init; }

    public EffectOptions Effect { get; init; } = new();

    /// <summary>How often TTLs, approvals and the effect check are looked at.</summary>
    public TimeSpan TickPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Detections waiting for a decision; when full, ingestion waits (nothing is dropped).</summary>
    public int DetectionQueueCapacity { get; init; } = 4096;

    /// <summary>Recent detections and decisions kept for the API and the dashboard.</summary>
    public int HistoryCapacity { get; init; } = 2000;

    /// <summary>Where the kill switch is persisted so a restart keeps it; null keeps it in memory only.</summary>
    public string? KillSwitchFile { get; init; }

    /// <summary>Background work the process also runs (informers, leader election), started with the loop and stopped with it.</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> Services { get; init; } = [];

    /// <summary>
    /// Completes when the process may start reading (the pod cache has listed the cluster, as controllers wait for
    /// their informers); null starts at once.
    /// </summary>
    public Func<CancellationToken, Task>? Ready { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Operational messages (never secrets).</summary>
    public Action<string> Log { get; init; } = static _ => { };
}

using AutoShield.Ingestion.Simulation;

namespace AutoShield.Cli.Commands;

/// <summary>What <c>autoshield simulate</c> wrote.</summary>
public sealed record SimulationSummary(
    string Scenario,
    int Seed,
    double DurationSeconds,
    string Out,
    long Events,
    IReadOnlyDictionary<string, long> EventsByLabel,
    IReadOnlyList<AttackWindow> Attacks);

namespace AutoShield.Ingestion.Simulation;

/// <summary>A named simulation scenario: what runs, for <c>--help</c> and the demo.</summary>
/// <param name="Name">The name on the command line (<c>port-scanning</c>).</param>
/// <param name="Description">One sentence on what the scenario injects into the benign background.</param>
/// <param name="AttackLabel">The class its attack events carry; null for <c>benign</c> and <c>mixed</c>.</param>
public sealed record Scenario(string Name, string Description, string? AttackLabel);

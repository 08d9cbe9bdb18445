namespace AutoShield.Ingestion.Simulation;

/// <summary>One attack the simulator injects: when, who, against whom. For demo narration and for evaluation.</summary>
/// <param name="Scenario">The attack's scenario name (<c>port-scanning</c>), also within <c>mixed</c>.</param>
/// <param name="Label">The class its events carry.</param>
/// <param name="Attacker">Pod (<c>shop/frontend-...</c>) or internet address the attack comes from.</param>
/// <param name="Targets">Pods, nodes or addresses it goes to.</param>
/// <param name="Description">One sentence with the attack's parameters (rate, ports, interval).</param>
public sealed record AttackWindow(
    string Scenario, string Label, DateTimeOffset Start, DateTimeOffset End, string Attacker, IReadOnlyList<string> Targets, string Description);

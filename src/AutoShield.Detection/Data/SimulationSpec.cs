using AutoShield.Ingestion.Simulation;

namespace AutoShield.Detection.Data;

/// <summary>
/// Parses simulator run lists as the command line writes them: <c>scenario:seeds</c>, where scenario is a name from
/// <see cref="Scenarios.All"/> or <c>all</c> (every scenario, <c>mixed</c> included), and seeds a comma list of
/// numbers and ranges (<c>1-5,9</c>). <c>all:1-2,port-scanning:7</c> is three specs when split at the scenario names.
/// </summary>
public static class SimulationSpec
{
    public const string AllScenarios = "all";

    /// <summary>The runs one spec names, scenario-major, in seed order.</summary>
    /// <exception cref="FormatException">The spec is malformed or names an unknown scenario.</exception>
    public static IReadOnlyList<SimulationOptions> Parse(string spec, TimeSpan duration)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == spec.Length - 1)
        {
            throw new FormatException($"'{spec}': expected scenario:seeds, e.g. all:1-5 or port-scanning:3,4");
        }

        var name = spec[..colon].Trim();
        var scenarios = string.Equals(name, AllScenarios, StringComparison.OrdinalIgnoreCase)
            ? Scenarios.All.Select(s => s.Name).ToList()
            : [Scenarios.Find(name)?.Name ?? throw new FormatException(
                $"'{spec}': unknown scenario '{name}'; expected {AllScenarios} or one of {string.Join(", ", Scenarios.All.Select(s => s.Name))}")];
        var seeds = Seeds(spec, spec[(colon + 1)..]);
        return [.. scenarios.SelectMany(s => seeds.Select(seed => new SimulationOptions { Scenario = s, Seed = seed, Duration = duration }))];
    }

    private static List<int> Seeds(string spec, string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            if (dash < 0 && int.TryParse(part, out var single))
            {
                seeds.Add(single);
            }
            else if (dash > 0 && int.TryParse(part[..dash], out var from) && int.TryParse(part[(dash + 1)..], out var to) && from <= to && to - from < 10_000)
            {
                for (var seed = from; seed <= to; seed++)
                {
                    seeds.Add(seed);
                }
            }
            else
            {
                throw new FormatException($"'{spec}': '{part}' is not a seed or a range like 1-5");
            }
        }

        return seeds.Count > 0 ? seeds : throw new FormatException($"'{spec}': no seeds");
    }
}

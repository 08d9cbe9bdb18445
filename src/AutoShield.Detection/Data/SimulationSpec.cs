using AutoShield.Ingestion.Simulation;

namespace AutoShield.Detection.Data;

/// <summary>
/// Parses simulator run lists as the command line writes them: <c>scenario:seeds</c>, where scenario is a name from
/// <see cref="Scenarios.All"/> or <c>all</c> (every scenario, <c>mixed</c> included), and seeds a comma list of
/// numbers and ranges (<c>1-5,9</c>), optionally followed by <c>@duration</c> (<c>c2-beacon:1-4@30m</c>; s, m or h)
/// to override the default simulated time of those runs.
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
        var rest = spec[(colon + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            duration = Duration(spec, rest[(at + 1)..]);
            rest = rest[..at];
        }

        var seeds = Seeds(spec, rest);
        return [.. scenarios.SelectMany(s => seeds.Select(seed => new SimulationOptions { Scenario = s, Seed = seed, Duration = duration }))];
    }

    private static TimeSpan Duration(string spec, string text)
    {
        var unit = text.Length > 0 ? text[^1] : ' ';
        var scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        if (scale == 0 || !int.TryParse(text[..^1], out var amount) || amount <= 0)
        {
            throw new FormatException($"'{spec}': '@{text}' is not a duration like 90s, 30m or 2h");
        }

        return TimeSpan.FromSeconds((double)amount * scale);
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

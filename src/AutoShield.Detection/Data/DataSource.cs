using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Detection.Data;

/// <summary>
/// One input of a window dataset: a recorded file (any format <see cref="FlowSourceFactory"/> opens) or a seeded
/// simulator run generated in memory.
/// </summary>
public sealed record DataSource
{
    private DataSource(string name, string? path, FlowSourceKind? kind, SimulationOptions? simulation)
    {
        Name = name;
        Path = path;
        Kind = kind;
        Simulation = simulation;
    }

    /// <summary>The file name or <c>simulate:scenario:seed</c>, as reports show it.</summary>
    public string Name { get; }

    public string? Path { get; }

    /// <summary>The file's format, or null to sniff it from the content.</summary>
    public FlowSourceKind? Kind { get; }

    public SimulationOptions? Simulation { get; }

    public bool IsSimulated => Simulation is not null;

    public static DataSource File(string path, FlowSourceKind? kind = null) => new(path, path, kind, null);

    public static DataSource Simulated(SimulationOptions options) =>
        new($"simulate:{options.Scenario}:{options.Seed}", null, FlowSourceKind.Simulator, options);
}

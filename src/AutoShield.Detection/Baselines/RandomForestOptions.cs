namespace AutoShield.Detection.Baselines;

/// <summary>Settings of the scikit-learn RandomForest baseline; the fixed seed makes its result repeatable.</summary>
public sealed record RandomForestOptions
{
    public const string DefaultPython = "/usr/bin/python3";

    public int Trees { get; init; } = 100;

    public int Seed { get; init; } = 1;

    /// <summary>Worker processes for fitting (scikit-learn's n_jobs).</summary>
    public int Jobs { get; init; } = 2;

    public string Python { get; init; } = DefaultPython;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);
}

using AutoShield.Detection.Data;

namespace AutoShield.Cli.Commands;

/// <summary>What <c>autoshield eval</c> was asked to do.</summary>
public sealed record EvalRequest(
    string Model,
    IReadOnlyList<DataSource> Sources,
    SplitMode Split,
    double TestFraction,
    string? Baseline,
    int BaselineSeed,
    string? Label,
    string? ReportPath,
    string? JsonPath);

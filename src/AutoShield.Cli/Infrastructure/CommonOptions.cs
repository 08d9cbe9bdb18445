using System.CommandLine;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Cli.Infrastructure;

/// <summary>Options shared by several commands, declared once so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<OutputFormat> Output() => new("--output", "-o")
    {
        Description = "Output format: text for people, json for scripts (stdout then carries only JSON).",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public static Option<string?> Source()
    {
        var option = new Option<string?>("--source", "-s")
        {
            Description = "Input format: hubble, tetragon, pcap or cicflowmeter (default: detected from the content).",
        };
        option.AcceptOnlyFromAmong([.. FlowSourceFactory.Names.Keys]);
        return option;
    }

    public static FlowSourceKind? ParseSource(string? name) => name is null ? null : FlowSourceFactory.Names[name];
}

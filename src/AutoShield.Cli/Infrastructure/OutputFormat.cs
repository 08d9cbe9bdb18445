namespace AutoShield.Cli.Infrastructure;

/// <summary><c>--output</c>: text for people, json for scripts (stdout then carries only JSON).</summary>
public enum OutputFormat
{
    Text,
    Json,
}

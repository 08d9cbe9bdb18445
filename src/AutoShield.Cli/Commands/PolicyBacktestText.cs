using System.Globalization;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Policy.Backtest;
using AutoShield.Policy.Rules;

namespace AutoShield.Cli.Commands;

/// <summary>The text report of <c>policy backtest</c>: a table of would-fire actions and a summary.</summary>
public static class PolicyBacktestText
{
    public static void Write(TextWriter writer, BacktestReport report, PolicySet policy, IngestionSummary ingestion, string detector, int maxRows)
    {
        writer.WriteLine($"policy {report.PolicyVersion}: {policy.Rules.Count} rules from {policy.Files.Count} files");
        writer.WriteLine($"replay: {ingestion.Events:N0} events, {ingestion.Connections:N0} connections, {report.Summary.Detections:N0} detections ({detector} detector), {Time(report.From)} to {Time(report.To)}");
        writer.WriteLine();
        writer.WriteLine($"{"TIME",-20} {"RULE",-40} {"ACTION",-18} {"TARGET",-40} {"MODE",-7} {"RESULT",-16} REASON");
        foreach (var row in report.Actions.Take(maxRows))
        {
            writer.WriteLine($"{Time(row.Time),-20} {Cut(row.Rule, 40),-40} {row.ActionType,-18} {Cut(row.Target, 40),-40} {row.Mode,-7} {row.Result,-16} {row.Reason ?? string.Empty}");
        }

        if (report.Actions.Count > maxRows)
        {
            writer.WriteLine($"... {report.Actions.Count - maxRows:N0} more actions (--max-rows, or --output json for all)");
        }

        var s = report.Summary;
        writer.WriteLine();
        writer.WriteLine($"detections   {s.Detections:N0} ({s.Unmatched:N0} matched no rule)");
        writer.WriteLine($"decisions    {Join(s.DecisionsByOutcome)}");
        writer.WriteLine($"actions      {report.Actions.Count:N0}: {s.WouldApply:N0} would apply, {s.Refused:N0} refused by safety, {s.Monitored:N0} monitor only, {s.PendingApproval:N0} waiting for approval");
        if (s.RefusedByReason.Count > 0)
        {
            writer.WriteLine($"refused      {Join(s.RefusedByReason)}");
        }

        if (s.SuppressedByRule.Count > 0)
        {
            writer.WriteLine($"suppressed   {Join(s.SuppressedByRule)} (cooldown; summarised, not silent)");
        }

        writer.WriteLine($"reverted     {s.Reverted:N0} actions by their TTL within the replayed period");
    }

    private static string Join(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:N0}"));

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "-";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}

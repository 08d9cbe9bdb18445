using AutoShield.Core.Detections;

namespace AutoShield.Cli.Commands;

/// <summary>Maps ground-truth labels to attack classes: the simulator writes the class names themselves; CIC-IDS2017 labels are mapped by family.</summary>
public static class PolicyLabelClasses
{
    public static string? ClassOf(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        if (AttackClass.Known.Contains(label, StringComparer.Ordinal))
        {
            return label;
        }

        var l = label.ToUpperInvariant();
        return l switch
        {
            _ when l == "BENIGN" => AttackClass.Benign,
            _ when l.Contains("PORTSCAN", StringComparison.Ordinal) || l.Contains("PORT SCAN", StringComparison.Ordinal) => AttackClass.PortScan,
            _ when l.StartsWith("DDOS", StringComparison.Ordinal) || l.StartsWith("DOS", StringComparison.Ordinal) => AttackClass.SynFlood,
            _ when l.Contains("PATATOR", StringComparison.Ordinal) => AttackClass.BruteForce,
            _ when l.StartsWith("WEB ATTACK", StringComparison.Ordinal) => AttackClass.WebAttack,
            _ when l.StartsWith("BOT", StringComparison.Ordinal) => AttackClass.C2Beacon,
            _ when l.StartsWith("INFILTRATION", StringComparison.Ordinal) => AttackClass.LateralMovement,
            _ when l.StartsWith("HEARTBLEED", StringComparison.Ordinal) => AttackClass.DataExfiltration,
            _ => AttackClass.Anomaly,
        };
    }
}

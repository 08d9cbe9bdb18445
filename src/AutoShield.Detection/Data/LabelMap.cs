using AutoShield.Core.Detections;

namespace AutoShield.Detection.Data;

/// <summary>
/// Maps ground-truth labels of the data sets onto <see cref="AttackClass"/> names: the simulator's labels are class
/// names already; CIC-IDS2017 labels (original and "improved" spellings, docs/detection.md has the table) map by
/// family. Labels it does not know, and the improved set's "- Attempted" rows, map to null: they are not scored per
/// class but still appear in <c>by_label</c>.
/// </summary>
public static class LabelMap
{
    /// <summary>The class of <paramref name="label"/>, or null when the label is missing or not mapped.</summary>
    public static string? ToClass(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var text = label.Trim();
        foreach (var known in AttackClass.Known)
        {
            if (string.Equals(text, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        if (text.EndsWith("Attempted", StringComparison.OrdinalIgnoreCase))
        {
            // Attempts that never reached their target: neither benign nor a working attack.
            return null;
        }

        return Family(text.ToUpperInvariant());
    }

    private static string? Family(string text)
    {
        if (text == "BENIGN" || text == "NORMAL")
        {
            return AttackClass.Benign;
        }

        if (text.Contains("PORTSCAN", StringComparison.Ordinal) || text.Contains("PORT SCAN", StringComparison.Ordinal))
        {
            return AttackClass.PortScan;
        }

        if (text.StartsWith("DOS", StringComparison.Ordinal) || text.StartsWith("DDOS", StringComparison.Ordinal))
        {
            return AttackClass.SynFlood;
        }

        if (text.Contains("PATATOR", StringComparison.Ordinal) || (text.StartsWith("WEB ATTACK", StringComparison.Ordinal) && text.Contains("BRUTE", StringComparison.Ordinal)))
        {
            return AttackClass.BruteForce;
        }

        if (text.StartsWith("WEB ATTACK", StringComparison.Ordinal) || text == "HEARTBLEED")
        {
            return AttackClass.WebAttack;
        }

        if (text.StartsWith("BOT", StringComparison.Ordinal))
        {
            return AttackClass.C2Beacon;
        }

        return text.StartsWith("INFILTRATION", StringComparison.Ordinal) ? AttackClass.LateralMovement : null;
    }
}

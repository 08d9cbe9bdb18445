using AutoShield.Core.Detections;
using AutoShield.Core.Windows;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// Writes the sentence of a detection from the window's own numbers (<see cref="WindowFacts"/>), choosing per class
/// what an analyst checks first ("41 SYNs, 0 completed handshakes, 38 ports in 1.2 s"), then naming the features and
/// rows the attribution weighs most. It never quotes a number the window does not hold: byte counts only when the
/// source measured them, handshakes only when the failed ratio pins them down.
/// </summary>
public static class ExplanationSentence
{
    public static string Build(string attackClass, WindowFacts facts, AttributionMap? attribution = null, float? anomalyThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Rows == 0)
        {
            return "empty window";
        }

        var parts = attackClass switch
        {
            AttackClass.PortScan => PortScan(facts),
            AttackClass.SynFlood => Flood(facts),
            AttackClass.BruteForce => BruteForce(facts),
            AttackClass.LateralMovement => Lateral(facts),
            AttackClass.DataExfiltration => Exfiltration(facts),
            AttackClass.C2Beacon => Beacon(facts),
            AttackClass.Anomaly => Anomaly(facts, attribution, anomalyThreshold),
            _ => General(facts),
        };
        var sentence = string.Join(", ", parts);
        if (attribution is not null && Drivers(attribution) is { } drivers)
        {
            sentence += "; " + drivers;
        }

        return sentence;
    }

    private static List<string> PortScan(WindowFacts f)
    {
        var parts = new List<string> { Quantity.Count(f.Syns, "SYN") };
        Completed(f, parts);
        parts.Add(Quantity.Count(f.DistinctPorts, "port") + In(f));
        if (f.Rsts > 0)
        {
            parts.Add(Quantity.Count(f.Rsts, "RST"));
        }

        return parts;
    }

    private static List<string> Flood(WindowFacts f)
    {
        var parts = new List<string>
        {
            Quantity.Count(f.Rows, "connection") + In(f) + " (" + Quantity.Rate(f.Rate) + " at the newest)",
            Quantity.Count(f.Syns, "SYN"),
        };
        Completed(f, parts);
        if (f.Rsts > 0)
        {
            parts.Add(Quantity.Count(f.Rsts, "RST"));
        }

        return parts;
    }

    private static List<string> BruteForce(WindowFacts f)
    {
        var target = f.DestinationPort is { } port ? $" to port {port}" : string.Empty;
        var parts = new List<string>
        {
            Quantity.Count(f.Rows, "connection") + target + In(f),
            Quantity.Seconds(f.MeanDurationSeconds) + " each on average",
        };
        Failed(f, parts);
        Bytes(f, parts);
        return parts;
    }

    private static List<string> Lateral(WindowFacts f)
    {
        var parts = new List<string> { Quantity.Count(f.Rows, "connection") + " over " + Quantity.Count(f.DistinctPorts, "port") + In(f) };
        Failed(f, parts);
        return parts;
    }

    private static List<string> Exfiltration(WindowFacts f)
    {
        var parts = new List<string>();
        if (f.BytesSent is { } sent && f.BytesReceived is { } received)
        {
            parts.Add(Quantity.Bytes(sent) + " sent and " + Quantity.Bytes(received) + " received over " + Quantity.Count(f.Rows, "connection") + In(f));
        }
        else
        {
            parts.Add(Quantity.Count(f.Rows, "connection") + In(f) + " (no byte counts from this source)");
        }

        parts.Add(Quantity.Seconds(f.MeanDurationSeconds) + " long on average");
        return parts;
    }

    private static List<string> Beacon(WindowFacts f)
    {
        var parts = new List<string>();
        parts.Add(f.MeanInterArrivalSeconds is { } every
            ? Quantity.Count(f.Rows, "connection") + ", one every " + Quantity.Seconds(every) + " on average (spread " + Quantity.Seconds(f.InterArrivalSpreadSeconds) + ")"
            : Quantity.Count(f.Rows, "connection"));
        Bytes(f, parts);
        return parts;
    }

    private static List<string> Anomaly(WindowFacts f, AttributionMap? attribution, float? threshold)
    {
        var parts = General(f);
        if (attribution is { Method: ReconstructionAttribution.MethodName } && threshold is { } t)
        {
            parts.Insert(0, "unlike the training data (anomaly score " + Quantity.Number(attribution.Score) + " over threshold " + Quantity.Number(t) + ")");
        }

        return parts;
    }

    private static List<string> General(WindowFacts f)
    {
        var parts = new List<string>
        {
            Quantity.Count(f.Rows, "connection") + In(f),
            Quantity.Count(f.Syns, "SYN"),
        };
        Failed(f, parts);
        parts.Add(Quantity.Count(f.DistinctPorts, "port"));
        Bytes(f, parts);
        return parts;
    }

    /// <summary>" in 1.2 s" — the time the rows cover; nothing for a single connection, which covers no time.</summary>
    private static string In(WindowFacts f) => f.Rows < 2 ? string.Empty : " in " + Quantity.Seconds(f.SpanSeconds);

    private static void Completed(WindowFacts f, List<string> parts)
    {
        if (f.FailedInWindow is { } failed)
        {
            parts.Add(Quantity.Count(f.Rows - failed, "completed handshake"));
        }
        else
        {
            Failed(f, parts);
        }
    }

    private static void Failed(WindowFacts f, List<string> parts)
    {
        if (f.FailedInWindow is { } failed)
        {
            parts.Add($"{failed} of {f.Rows} failed");
        }
        else if (f.PairConnections is { } total && f.PairFailed is { } pairFailed)
        {
            parts.Add($"{pairFailed} of the pair's {total} connections failed");
        }
        else
        {
            parts.Add(Quantity.Percent(f.FailedRatio) + " of the pair's connections failed");
        }
    }

    private static void Bytes(WindowFacts f, List<string> parts)
    {
        if (f.BytesSent is { } sent && f.BytesReceived is { } received)
        {
            parts.Add(Quantity.Bytes(sent) + " sent, " + Quantity.Bytes(received) + " received");
        }
    }

    /// <summary>"driven most by SYN count and distinct ports, in the newest 4 connections".</summary>
    private static string? Drivers(AttributionMap map)
    {
        var top = map.TopFeatures(2).Where(f => map.Features[f] > 0).Select(FeatureText.Of).ToList();
        if (top.Count == 0)
        {
            return null;
        }

        var text = "driven most by " + string.Join(" and ", top);
        var rows = map.TopRows(3).Where(r => map.Rows[r] > 0).ToList();
        if (rows.Count > 0 && map.RowCount > 3)
        {
            var fromNewest = WindowShape.Rows - rows.Min();
            text += fromNewest <= (map.RowCount + 1) / 2
                ? ", in the newest " + Quantity.Count(fromNewest, "connection")
                : ", spread over the window";
        }

        return text;
    }
}

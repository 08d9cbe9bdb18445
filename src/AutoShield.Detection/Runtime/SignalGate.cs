using AutoShield.Core.Detections;
using AutoShield.Core.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// Withholds a class from a window that lacks the signal the class is defined by (docs/detection-signals.md).
/// DATA_EXFILTRATION is data leaving the cluster, so without byte counts in any row it needs a destination outside
/// the cluster or a DNS query (tunnelling through the resolver), and not a lone lookup or the slow, regular, answered
/// lookups of a cache refreshing itself from an in-cluster resolver. SYN_FLOOD needs a destination:port whose traffic over the
/// fan-in interval can carry a flood: one unanswered SYN is a lost packet, not a flood. PORT_SCAN needs a source with
/// more than one failed connection over the fan-out interval: a scan is many probes, and one refused connection is an
/// application error or a closed port the source asked for once. The gated class's
/// probability moves to benign: the evidence for it is void, and no other attack is assumed instead.
/// </summary>
public sealed class SignalGate
{
    /// <summary>Shortest gap between a pair's DNS queries that reads as a cache refresh rather than a tunnel carrying data.</summary>
    public const double ResolverRefreshMinGapSeconds = 5;

    /// <summary>
    /// Shortest mean gap when the window holds only one or two gaps, too few to judge regularity: a cache's refresh
    /// period (tens of seconds); a tunnel this slow carries a few bytes a minute.
    /// </summary>
    public const double ResolverRefreshMinGapFewSeconds = 20;

    /// <summary>Most spread (standard deviation over mean) of the gaps of a refresh, once there are three or more.</summary>
    public const double ResolverRefreshMaxSpread = 0.5;

    /// <summary>
    /// Fewest failed connections of the source (over the fan-out interval, this one included) for the classifier's
    /// PORT_SCAN to stand. Chosen on CIC Wednesday with the model trained without it (the smallest count that removes
    /// its lone-refused-connection false positives), confirmed on Thursday and the simulator (docs/detection.md).
    /// </summary>
    public const int ScanMinSourceFailures = 2;

    private const ushort DnsPort = 53;

    private readonly int _benign;
    private readonly int _exfiltration;
    private readonly int _synFlood;
    private readonly int _portScan;

    public SignalGate(IReadOnlyList<string> classNames)
    {
        _benign = IndexOf(classNames, AttackClass.Benign);
        _exfiltration = IndexOf(classNames, AttackClass.DataExfiltration);
        _synFlood = IndexOf(classNames, AttackClass.SynFlood);
        _portScan = IndexOf(classNames, AttackClass.PortScan);
    }

    /// <summary>Moves the probability of every class the window cannot support to benign; true when one was gated.</summary>
    public bool Apply(Span<float> probabilities, ReadOnlySpan<float> matrix, int rowCount, in WindowTraits traits)
    {
        if (_benign < 0)
        {
            return false;
        }

        var gated = false;
        if (_exfiltration >= 0 && probabilities[_exfiltration] != 0f && !AllowsExfiltration(matrix, rowCount, traits))
        {
            gated |= Withhold(probabilities, _exfiltration);
        }

        if (_synFlood >= 0 && probabilities[_synFlood] != 0f && !AllowsSynFlood(traits))
        {
            gated |= Withhold(probabilities, _synFlood);
        }

        if (_portScan >= 0 && probabilities[_portScan] != 0f && !AllowsPortScan(traits))
        {
            gated |= Withhold(probabilities, _portScan);
        }

        return gated;
    }

    /// <summary>Bytes in some real row, an external destination, or DNS that is not a resolver's cache refresh.</summary>
    public static bool AllowsExfiltration(ReadOnlySpan<float> matrix, int rowCount, in WindowTraits traits) =>
        traits.DestinationExternal || HasBytes(matrix, rowCount)
        || (traits.DestinationPort == DnsPort && !IsResolverRefresh(matrix, rowCount, traits));

    /// <summary>Without fan-in counts (traits made without the rule) the classifier's verdict stands as before.</summary>
    public static bool AllowsSynFlood(in WindowTraits traits) => !traits.FanInKnown || traits.FloodSupported;

    /// <summary>Without the source's fan-out counts the classifier's verdict stands as before.</summary>
    public static bool AllowsPortScan(in WindowTraits traits) =>
        !traits.SourceFailuresKnown || traits.SourceFailedConnections >= ScanMinSourceFailures;

    /// <summary>
    /// DNS to an in-cluster resolver whose queries are few, slow and regular: the pair's first lookup, answered, or
    /// every gap at least <see cref="ResolverRefreshMinGapSeconds"/>, spread at most <see cref="ResolverRefreshMaxSpread"/>
    /// of the mean once there are three gaps (with one or two, their mean at least <see cref="ResolverRefreshMinGapFewSeconds"/>),
    /// none failed. A tunnel has to ask fast to carry data; one as slow as a
    /// cache refresh carries a few bytes a minute and is left undetected on byte-free input.
    /// </summary>
    public static bool IsResolverRefresh(ReadOnlySpan<float> matrix, int rowCount, in WindowTraits traits)
    {
        if (traits.DestinationExternal || traits.DestinationPort != DnsPort)
        {
            return false;
        }

        rowCount = Math.Clamp(rowCount, 0, WindowShape.Rows);
        var first = WindowShape.Rows - rowCount + (traits.StartsWithFirstConnection(rowCount) ? 1 : 0);
        var gaps = WindowShape.Rows - first;
        if (gaps < 1)
        {
            // The pair's first lookup, answered: one question carries no data worth calling exfiltration yet. (With
            // gaps, their pace decides: a resolver's L7 records often come as a request without its response.)
            return traits.Answered;
        }

        double sum = 0, sumSquares = 0;
        for (var row = first; row < WindowShape.Rows; row++)
        {
            var cells = matrix.Slice(row * WindowShape.Features, WindowShape.Features);
            double gap = cells[(int)WindowFeature.InterArrival];
            if (!double.IsFinite(gap) || cells[(int)WindowFeature.FailedRatio] > 0f)
            {
                return false;
            }

            sum += gap;
            sumSquares += gap * gap;
        }

        if (gaps < 3)
        {
            return sum / gaps >= ResolverRefreshMinGapFewSeconds;
        }

        var mean = sum / gaps;
        if (Minimum(matrix, first) < ResolverRefreshMinGapSeconds)
        {
            return false;
        }

        var spread = Math.Sqrt(Math.Max(0, (sumSquares / gaps) - (mean * mean)));
        return spread <= ResolverRefreshMaxSpread * mean;
    }

    /// <summary>True when any of the newest <paramref name="rowCount"/> rows carries a byte count.</summary>
    public static bool HasBytes(ReadOnlySpan<float> matrix, int rowCount)
    {
        for (var row = WindowShape.Rows - Math.Clamp(rowCount, 0, WindowShape.Rows); row < WindowShape.Rows; row++)
        {
            var cells = matrix.Slice(row * WindowShape.Features, WindowShape.Features);
            if (!float.IsNaN(cells[(int)WindowFeature.BytesSent]) || !float.IsNaN(cells[(int)WindowFeature.BytesReceived]))
            {
                return true;
            }
        }

        return false;
    }

    private static double Minimum(ReadOnlySpan<float> matrix, int first)
    {
        var minimum = double.PositiveInfinity;
        for (var row = first; row < WindowShape.Rows; row++)
        {
            minimum = Math.Min(minimum, matrix[(row * WindowShape.Features) + (int)WindowFeature.InterArrival]);
        }

        return minimum;
    }

    private bool Withhold(Span<float> probabilities, int index)
    {
        probabilities[_benign] += probabilities[index];
        probabilities[index] = 0f;
        return true;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

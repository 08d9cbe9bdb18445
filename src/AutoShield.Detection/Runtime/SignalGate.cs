using AutoShield.Core.Detections;
using AutoShield.Core.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// Withholds a class from a window that lacks the signal the class is defined by (docs/detection-signals.md):
/// DATA_EXFILTRATION is data leaving the cluster, so without byte counts in any row it needs a destination outside
/// the cluster or a DNS query (tunnelling through the resolver). An internal destination on a byte-free source
/// (Hubble) leaves only duration and rate, which long benign keep-alive sessions share. The gated class's
/// probability moves to benign: the evidence for it is void, and no other attack is assumed instead.
/// </summary>
public sealed class SignalGate
{
    private const ushort DnsPort = 53;

    private readonly int _benign;
    private readonly int _exfiltration;

    public SignalGate(IReadOnlyList<string> classNames)
    {
        _benign = IndexOf(classNames, AttackClass.Benign);
        _exfiltration = IndexOf(classNames, AttackClass.DataExfiltration);
    }

    /// <summary>Moves the probability of every class the window cannot support to benign; true when one was gated.</summary>
    public bool Apply(Span<float> probabilities, ReadOnlySpan<float> matrix, int rowCount, in WindowTraits traits)
    {
        if (_benign < 0 || _exfiltration < 0 || probabilities[_exfiltration] == 0f || AllowsExfiltration(matrix, rowCount, traits))
        {
            return false;
        }

        probabilities[_benign] += probabilities[_exfiltration];
        probabilities[_exfiltration] = 0f;
        return true;
    }

    /// <summary>Bytes in some real row, an external destination, or DNS.</summary>
    public static bool AllowsExfiltration(ReadOnlySpan<float> matrix, int rowCount, in WindowTraits traits) =>
        traits.DestinationExternal || traits.DestinationPort == DnsPort || HasBytes(matrix, rowCount);

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

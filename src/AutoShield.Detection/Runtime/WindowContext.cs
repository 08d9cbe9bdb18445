using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// What a detection needs from a window besides its matrix: the pair, both endpoints as the source reported them,
/// time, label and the pair's running counts. A struct copied out of the live <see cref="PairWindow"/> so the batch
/// path can hold it after the window moves on.
/// </summary>
internal struct WindowContext
{
    public PairKey Key;
    public FlowEndpoint Source;
    public FlowEndpoint Destination;
    public IpAddr SourceIp;
    public IpAddr DestinationIp;
    public ushort SourcePort;
    public ushort DestinationPort;
    public string? Node;
    public string? Label;
    public long TimeUnixNanos;
    public int RowCount;
    public long TotalConnections;
    public long FailedConnections;

    // Destination outside the cluster, port and pair count for the gate and the periodicity rule.
    public WindowTraits Traits;

    // Fan-out verdict taken when the window arrived (the view moves on before a batch is scored).
    public FanOutVerdict FanOut;

    // Fan-in verdict on the destination:port when the window arrived.
    public FanInVerdict FanIn;

    // DNS-name verdict on the newest connection's query name.
    public DnsNameVerdict Dns;
    // Refused-login verdict on the destination:port when the window arrived.
    public AuthFailureVerdict AuthFailure;

    public static WindowContext From(in Connection connection, PairWindow window) => new()
    {
        Key = window.Key,
        Source = window.Source,
        Destination = window.Destination,
        SourceIp = window.SourceIp,
        DestinationIp = window.DestinationIp,
        SourcePort = connection.InitiatorPort,
        DestinationPort = window.DestinationPort,
        Node = connection.NodeName,
        Label = window.Label,
        TimeUnixNanos = window.LastUpdateUnixNanos,
        RowCount = window.RowCount,
        TotalConnections = window.TotalConnections,
        FailedConnections = window.FailedConnections,
        Traits = TraitsOf(window, default),
    };

    /// <summary>The traits of <paramref name="window"/>, with the fan-out verdict taken for it.</summary>
    public static WindowTraits TraitsOf(PairWindow window, FanOutVerdict fanOut) => new(
        !FanOutRules.IsInternal(window.Destination, window.DestinationIp), window.DestinationPort, window.TotalConnections,
        fanOut.AttackClass, (float)fanOut.Confidence);

    /// <summary>The traits of <paramref name="window"/> with the fan-out and fan-in verdicts taken for its newest connection.</summary>
    public static WindowTraits TraitsOf(in Connection connection, PairWindow window, FanOutVerdict fanOut, FanInVerdict? fanIn) =>
        TraitsOf(window, fanOut) with
        {
            Answered = connection.ResponderReplied || connection.DnsRcode >= 0,
            FanInKnown = fanIn is not null,
            FloodSupported = fanIn?.Supported ?? true,
            FanInClass = fanIn?.AttackClass,
            FanInConfidence = (float)(fanIn?.Confidence ?? 0),
        };

    /// <summary><paramref name="traits"/> with the DNS-name rule's verdict on the newest connection.</summary>
    public static WindowTraits WithDns(in WindowTraits traits, in DnsNameVerdict dns) =>
        dns.Fired ? traits with { DnsClass = dns.AttackClass, DnsConfidence = (float)dns.Confidence } : traits;

    /// <summary><paramref name="traits"/> with the source's failed connections from its fan-out view.</summary>
    public static WindowTraits WithSourceFailures(in WindowTraits traits, FanOutView fanOut) =>
        traits with { SourceFailuresKnown = true, SourceFailedConnections = fanOut.FailedConnections };

    /// <summary><paramref name="traits"/> with the refused-login verdict taken for the window's newest connection.</summary>
    public static WindowTraits WithAuthFailure(in WindowTraits traits, AuthFailureVerdict verdict) =>
        traits with { AuthFailureClass = verdict.AttackClass, AuthFailureConfidence = (float)verdict.Confidence };
}

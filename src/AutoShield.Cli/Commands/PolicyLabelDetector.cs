using System.Globalization;
using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>--detector labels</c>: a detection for each window whose newest connection carries a ground-truth attack label,
/// with confidence 1.0 and features from <see cref="WindowSummary"/>. Benign windows are reported too when asked,
/// so CUSTOM_ATTACK rules with a condition have traffic to look at.
/// </summary>
public sealed class PolicyLabelDetector : PolicyWindowDetector
{
    private readonly bool _includeBenign;
    private readonly Dictionary<LabelSet, IReadOnlyDictionary<string, string>> _labels = [];

    public PolicyLabelDetector(bool includeBenign)
    {
        _includeBenign = includeBenign;
    }

    public override Core.Detections.Detection? Detect(in Connection connection, PairWindow window, FanOutView fanOut, long sequence)
    {
        var attackClass = PolicyLabelClasses.ClassOf(window.Label);
        if (attackClass is null || (!_includeBenign && !AttackClass.IsAttack(attackClass)))
        {
            return null;
        }

        return new Core.Detections.Detection
        {
            Id = "w" + sequence.ToString(CultureInfo.InvariantCulture),
            Time = DateTimeOffset.UnixEpoch.AddTicks(window.LastUpdateUnixNanos / 100),
            Source = Endpoint(window.Source, window.SourceIp.ToString(), connection.InitiatorPort, connection.NodeName),
            Destination = Endpoint(window.Destination, window.DestinationIp.ToString(), connection.ResponderPort, null),
            AttackClass = attackClass,
            Confidence = 1.0,
            Detector = "labels",
            Features = WindowSummary.Summarize(window.Matrix, window.RowCount),
            Explanation = new Explanation($"ground-truth label {window.Label}", [], "label"),
            Label = window.Label,
        };
    }

    private DetectionEndpoint Endpoint(FlowEndpoint endpoint, string ip, int port, string? node) => new()
    {
        Namespace = endpoint.Namespace,
        Pod = endpoint.PodName,
        Workload = endpoint.Workload,
        WorkloadKind = endpoint.WorkloadKind,
        // Hubble names the node that observed the flow, which is the initiator's node for pod traffic.
        Node = endpoint.PodName is null ? null : node,
        Ip = ip,
        Port = port,
        Labels = endpoint.Labels is { } labels ? LabelsOf(labels) : new Dictionary<string, string>(),
    };

    private IReadOnlyDictionary<string, string> LabelsOf(LabelSet set)
    {
        if (_labels.TryGetValue(set, out var cached))
        {
            return cached;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in set.All)
        {
            var eq = label.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var colon = label.IndexOf(':', StringComparison.Ordinal);
            var start = colon >= 0 && colon < eq ? colon + 1 : 0;
            map.TryAdd(label[start..eq], label[(eq + 1)..]);
        }

        _labels[set] = map;
        return map;
    }
}

using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Data;

/// <summary>Copies every window the ingestion pipeline produces into growable columns for a <see cref="WindowDataset"/>.</summary>
internal sealed class WindowCollector : IWindowObserver
{
    private readonly Dictionary<PairKey, int> _openSequences = [];
    private readonly List<string> _sequenceNames = [];
    private readonly List<string?> _labels = [];
    private readonly List<long> _times = [];
    private readonly List<int> _sequences = [];
    private readonly List<int> _positions = [];
    private readonly List<int> _rowCounts = [];
    private readonly List<int> _sources = [];
    private readonly List<WindowTraits> _traits = [];
    private FanOutRules _rules = new(new FanOutRuleOptions());
    private FanInRule _fanIn = new(new FanInRuleOptions());
    private DnsNameRule _dnsNames = new(new DnsNameRuleOptions());
    private AuthFailureRule _authFailure = new(new AuthFailureRuleOptions());
    private float[] _windows = new float[WindowShape.Cells * 1024];
    private int _source;
    private string _sourceName = "";

    public int Count => _labels.Count;

    /// <summary>Windows after this call belong to source <paramref name="index"/>; sequences never continue across sources.</summary>
    public void BeginSource(int index, string name)
    {
        _source = index;
        _sourceName = name;
        _openSequences.Clear();
        _rules = new FanOutRules(new FanOutRuleOptions());
        _fanIn = new FanInRule(new FanInRuleOptions());
        _dnsNames = new DnsNameRule(new DnsNameRuleOptions());
        _authFailure = new AuthFailureRule(new AuthFailureRuleOptions());
    }

    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        var count = _labels.Count;
        if ((count + 1) * WindowShape.Cells > _windows.Length)
        {
            Array.Resize(ref _windows, _windows.Length * 2);
        }

        window.CopyTo(_windows.AsSpan(count * WindowShape.Cells, WindowShape.Cells));

        // A pair seen for the first time, or again after eviction, starts a new sequence.
        var key = window.Key;
        if (window.TotalConnections == 1 || !_openSequences.TryGetValue(key, out var sequence))
        {
            sequence = _sequenceNames.Count;
            _sequenceNames.Add($"{_sourceName}: {key}");
            _openSequences[key] = sequence;
        }

        _labels.Add(connection.Label);
        _times.Add(connection.StartUnixNanos);
        _sequences.Add(sequence);
        _positions.Add((int)Math.Min(int.MaxValue, window.TotalConnections - 1));
        _rowCounts.Add(window.RowCount);
        _sources.Add(_source);

        // The runtime's per-source verdict at this moment, which the window alone cannot reproduce later.
        var traits = WindowContext.TraitsOf(connection, window, _rules.Evaluate(connection, fanOut), _fanIn.Evaluate(connection));
        traits = WindowContext.WithDns(WindowContext.WithSourceFailures(traits, fanOut), _dnsNames.Evaluate(connection));
        _traits.Add(WindowContext.WithAuthFailure(traits, _authFailure.Evaluate(connection)));
    }

    public WindowDataset Build(IReadOnlyList<DataSource> sources) => new(
        _windows[..(_labels.Count * WindowShape.Cells)], [.. _labels], [.. _times], [.. _sequences], [.. _positions],
        [.. _rowCounts], [.. _sources], sources, [.. _sequenceNames], [.. _traits]);
}

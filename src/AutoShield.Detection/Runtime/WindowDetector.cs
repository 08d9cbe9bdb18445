using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Detection.Explanations;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The detector stage: for every window the ingestion pipeline updates, applies the per-source fan-out rules and
/// scores the window with the model, raises an attack class at or above the minimum confidence (ANOMALY when the
/// classifier says benign but the reconstruction error exceeds the model's threshold), holds back repeats per pair
/// or source within the re-raise interval, and hands each remaining detection, explained, to the sink.
/// </summary>
/// <remarks>
/// Single-threaded, like the pipeline that calls it (run one detector per pipeline; the model is shared). A window
/// that raises nothing costs one inference and allocates nothing; only an emitted detection allocates (the record,
/// its endpoints, features and explanation). With <see cref="WindowDetectorOptions.BatchSize"/> above 1 windows are
/// copied into a buffer and scored together when it fills (the batch path for offline runs): call
/// <see cref="Flush"/> at the end.
/// </remarks>
public sealed class WindowDetector : IWindowObserver
{
    private readonly DetectionModel? _model;
    private readonly IDetectionSink _sink;
    private readonly WindowDetectorOptions _options;
    private readonly FanOutRules? _fanOut;
    private readonly FanInRule? _fanIn;
    private readonly AuthFailureRule? _authFailure;
    private readonly PeriodicityRule? _periodicity;
    private readonly DnsNameRule? _dnsNames;
    private readonly SignalGate? _gate;
    private readonly SuppressionTable _suppression;
    private readonly InferenceSession? _session;
    private readonly float[] _probabilities;
    private readonly float[] _anomalyScores;
    private readonly int _benign;
    private readonly string _detectorName;
    private readonly float[] _batchWindows;
    private readonly WindowContext[] _batchContexts;
    private WindowExplainer? _explainer;
    private int _buffered;

    /// <param name="model">The trained model; null applies the fan-out rules alone.</param>
    public WindowDetector(DetectionModel? model, IDetectionSink sink, WindowDetectorOptions? options = null)
    {
        _options = options ?? new WindowDetectorOptions();
        _options.Validate();
        _model = model;
        _sink = sink;
        _fanOut = _options.FanOut is { } rules ? new FanOutRules(rules) : null;
        _fanIn = _options.FanIn is { } fanInRules ? new FanInRule(fanInRules) : null;
        _authFailure = _options.AuthFailure is { } authRules ? new AuthFailureRule(authRules) : null;
        _periodicity = _options.Periodicity is { } periodicity ? new PeriodicityRule(periodicity) : null;
        _dnsNames = _options.DnsNames is { } dnsNames ? new DnsNameRule(dnsNames) : null;
        _gate = model is not null && _options.GateBySignal ? new SignalGate(model.ClassNames) : null;
        _suppression = new SuppressionTable(_options.ReRaiseInterval, _options.MaxSuppressionEntries);
        var batch = _options.BatchSize;
        _session = model?.CreateSession(batch);
        _probabilities = new float[batch * (model?.ClassNames.Count ?? 0)];
        _anomalyScores = new float[batch];
        _benign = model is null ? -1 : IndexOf(model.ClassNames, _options.BenignClass);
        _detectorName = model?.Manifest.Architecture switch
        {
            CnnLstmSpec => CnnLstmSpec.Kind,
            TransformerSpec => TransformerSpec.Kind,
            _ => "classifier",
        };
        _batchWindows = batch > 1 ? new float[batch * WindowShape.Cells] : [];
        _batchContexts = batch > 1 ? new WindowContext[batch] : [];
    }

    public WindowDetectorCounters Counters { get; } = new();

    public WindowDetectorOptions Options => _options;

    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        Counters.Windows++;
        var context = WindowContext.From(connection, window);
        if (_fanOut is not null)
        {
            context.FanOut = _fanOut.Evaluate(connection, fanOut);
        }

        if (_fanIn is not null)
        {
            context.FanIn = _fanIn.Evaluate(connection);
            context.Traits = WindowContext.TraitsOf(connection, window, context.FanOut, context.FanIn);
        }
        else
        {
            context.Traits = WindowContext.TraitsOf(connection, window, context.FanOut, null);
        }

        context.Traits = WindowContext.WithSourceFailures(context.Traits, fanOut);

        if (_dnsNames is not null)
        {
            context.Dns = _dnsNames.Evaluate(connection);
            context.Traits = WindowContext.WithDns(context.Traits, context.Dns);
        }

        if (_authFailure is not null)
        {
            context.AuthFailure = _authFailure.Evaluate(connection);
            context.Traits = WindowContext.WithAuthFailure(context.Traits, context.AuthFailure);
        }

        if (_options.BatchSize > 1)
        {
            window.CopyTo(_batchWindows.AsSpan(_buffered * WindowShape.Cells, WindowShape.Cells));
            _batchContexts[_buffered++] = context;
            if (_buffered == _options.BatchSize)
            {
                Flush();
            }

            return;
        }

        var matrix = window.Matrix;
        if (context.FanOut.Fired)
        {
            RaiseFanOut(context, matrix);
        }

        if (context.FanIn.Fired)
        {
            RaiseFanIn(context, matrix);
        }

        if (context.Dns.Fired)
        {
            RaiseDns(context, matrix);
        }

        if (context.AuthFailure.Fired)
        {
            RaiseAuthFailure(context, matrix);
        }

        RaisePeriodic(context, matrix);

        if (_session is not null)
        {
            var score = _session.Score(matrix, _probabilities);
            Counters.Scored++;
            Decide(context, matrix, _probabilities, score.ClassIndex, score.AnomalyScore);
        }
    }

    /// <summary>Scores and decides the windows buffered by the batch path; a no-op when nothing is buffered.</summary>
    public void Flush()
    {
        var count = _buffered;
        _buffered = 0;
        if (count == 0)
        {
            return;
        }

        var windows = _batchWindows.AsSpan(0, count * WindowShape.Cells);
        var classes = _model?.ClassNames.Count ?? 0;
        if (_session is not null)
        {
            _session.ClassifyBatch(windows, _probabilities);
            if (_model!.Autoencoder is not null)
            {
                _session.AnomalyScoreBatch(windows, _anomalyScores);
            }

            Counters.Scored += count;
        }

        for (var i = 0; i < count; i++)
        {
            ref readonly var context = ref _batchContexts[i];
            var matrix = windows.Slice(i * WindowShape.Cells, WindowShape.Cells);
            if (context.FanOut.Fired)
            {
                RaiseFanOut(context, matrix);
            }

            if (context.FanIn.Fired)
            {
                RaiseFanIn(context, matrix);
            }

            if (context.Dns.Fired)
            {
                RaiseDns(context, matrix);
            }

            if (context.AuthFailure.Fired)
            {
                RaiseAuthFailure(context, matrix);
            }

            RaisePeriodic(context, matrix);
            if (_session is not null)
            {
                var probabilities = _probabilities.AsSpan(i * classes, classes);
                float? anomaly = _model!.Autoencoder is null ? null : _anomalyScores[i];
                Decide(context, matrix, probabilities, InferenceSession.ArgMax(probabilities), anomaly);
            }
        }

        Array.Clear(_batchContexts, 0, count);
    }

    private void Decide(in WindowContext context, ReadOnlySpan<float> matrix, Span<float> probabilities, int best, float? anomalyScore)
    {
        var model = _model!;
        if (_gate is not null && _gate.Apply(probabilities, matrix, context.RowCount, context.Traits))
        {
            best = InferenceSession.ArgMax(probabilities);
        }

        if (best != _benign && _benign >= 0 && model.Manifest.AttackThreshold is { } margin && 1f - probabilities[_benign] < margin)
        {
            // Below the model's calibrated benign margin the window counts as benign (the anomaly detector may still speak).
            best = _benign;
        }

        var confidence = probabilities[best];
        if (best != _benign)
        {
            if (confidence >= _options.MinConfidence)
            {
                Raise(context, matrix, model.ClassNames[best], confidence, best, anomalyScore);
            }

            return;
        }

        if (_options.UseAnomaly && anomalyScore is { } error && model.AnomalyThreshold is { } threshold && error > threshold)
        {
            var anomalyConfidence = FanOutRules.Confidence(threshold > 0 ? error / threshold : double.PositiveInfinity);
            if (anomalyConfidence >= _options.MinConfidence)
            {
                Raise(context, matrix, AttackClass.Anomaly, anomalyConfidence, -1, anomalyScore);
            }
        }
    }

    private void Raise(in WindowContext context, ReadOnlySpan<float> matrix, string attackClass, double confidence, int classIndex, float? anomalyScore)
    {
        Counters.Raised++;
        if (!_suppression.ShouldEmit(context.Key, attackClass, context.TimeUnixNanos))
        {
            Counters.Suppressed++;
            return;
        }

        var explanation = Explanation.None;
        if (_options.Explain)
        {
            var facts = Facts(context, matrix);
            _explainer ??= new WindowExplainer(_model!, _options.Explainer);
            explanation = classIndex >= 0
                ? _explainer.ExplainClass(matrix, context.RowCount, classIndex, facts)
                : _explainer.ExplainAnomaly(matrix, context.RowCount, facts);
        }

        Emit(context, matrix, attackClass, confidence, classIndex >= 0 ? _detectorName : "anomaly", explanation, anomalyScore, null, null);
    }

    private void RaiseFanOut(in WindowContext context, ReadOnlySpan<float> matrix)
    {
        var verdict = context.FanOut;
        if (verdict.Confidence < _options.MinConfidence)
        {
            return;
        }

        Counters.Raised++;
        var key = new PairKey(context.Key.Source, default);
        if (!_suppression.ShouldEmit(key, verdict.AttackClass!, context.TimeUnixNanos))
        {
            Counters.Suppressed++;
            return;
        }

        Emit(context, matrix, verdict.AttackClass!, verdict.Confidence, "fan-out", FanOutExplanation.Build(verdict), null, verdict, null);
    }

    private void RaiseFanIn(in WindowContext context, ReadOnlySpan<float> matrix)
    {
        var verdict = context.FanIn;
        if (verdict.Confidence < _options.MinConfidence)
        {
            return;
        }

        Counters.Raised++;

        // One detection per flooded destination and interval, however many sources the flood comes from.
        var key = new PairKey(default, context.Key.Destination);
        if (!_suppression.ShouldEmit(key, verdict.AttackClass!, context.TimeUnixNanos))
        {
            Counters.Suppressed++;
            return;
        }

        var explanation = FanInExplanation.Build(verdict);
        Emit(context, matrix, verdict.AttackClass!, verdict.Confidence, FanInExplanation.MethodName, explanation, null, null, verdict);
    }

    private void RaiseDns(in WindowContext context, ReadOnlySpan<float> matrix)
    {
        var verdict = context.Dns;
        if (verdict.Confidence < _options.MinConfidence)
        {
            return;
        }

        Counters.Raised++;
        if (!_suppression.ShouldEmit(context.Key, verdict.AttackClass!, context.TimeUnixNanos))
        {
            Counters.Suppressed++;
            return;
        }

        var features = WindowSummary.Summarize(matrix, context.RowCount);
        DnsNameExplanation.AddFeatures(verdict, features);
        Emit(context, matrix, verdict.AttackClass!, verdict.Confidence, DnsNameRule.MethodName, DnsNameExplanation.Build(verdict), null, null, null, features);
    }

    private void RaiseAuthFailure(in WindowContext context, ReadOnlySpan<float> matrix)
    {
        var verdict = context.AuthFailure;
        if (verdict.Confidence < _options.MinConfidence)
        {
            return;
        }

        Counters.Raised++;

        // One detection per attacked login endpoint and interval, however many pooled connections reach it.
        var key = new PairKey(default, context.Key.Destination);
        if (!_suppression.ShouldEmit(key, verdict.AttackClass!, context.TimeUnixNanos))
        {
            Counters.Suppressed++;
            return;
        }

        var features = WindowSummary.Summarize(matrix, context.RowCount);
        AuthFailureExplanation.AddFeatures(verdict, features);
        Emit(context, matrix, verdict.AttackClass!, verdict.Confidence, AuthFailureExplanation.MethodName, AuthFailureExplanation.Build(verdict), null, null, null, features);
    }

    private void RaisePeriodic(in WindowContext context, ReadOnlySpan<float> matrix)
    {
        if (_periodicity is null)
        {
            return;
        }

        var verdict = _periodicity.Evaluate(matrix, context.RowCount, context.Traits);
        if (!verdict.Fired || verdict.Confidence < _options.MinConfidence)
        {
            return;
        }

        Counters.Raised++;
        if (!_suppression.ShouldEmit(context.Key, AttackClass.C2Beacon, context.TimeUnixNanos))
        {
            Counters.Suppressed++;
            return;
        }

        Emit(context, matrix, AttackClass.C2Beacon, verdict.Confidence, PeriodicityRule.MethodName, _periodicity.Explain(verdict, context.Traits), null, null, null);
    }

    private void Emit(in WindowContext context, ReadOnlySpan<float> matrix, string attackClass, double confidence, string detector,
        Explanation explanation, float? anomalyScore, FanOutVerdict? fanOut, FanInVerdict? fanIn, Dictionary<string, double>? summarized = null)
    {
        var features = summarized ?? WindowSummary.Summarize(matrix, context.RowCount);
        if (fanOut is { } verdict)
        {
            FanOutExplanation.AddFeatures(verdict, features);
        }

        if (fanIn is { } inVerdict)
        {
            FanInExplanation.AddFeatures(inVerdict, features);
        }

        var node = context.Source.PodName is not null || context.Destination.PodName is null ? context.Node : null;
        var detection = new Core.Detections.Detection
        {
            Id = DetectionIds.Next(context.TimeUnixNanos),
            Time = DateTimeOffset.UnixEpoch.AddTicks(context.TimeUnixNanos / 100),
            Source = EndpointMapper.Map(context.Source, context.SourceIp, context.SourcePort, node),
            Destination = EndpointMapper.Map(context.Destination, context.DestinationIp, context.DestinationPort, node is null ? context.Node : null),
            AttackClass = attackClass,
            Confidence = confidence,
            Detector = detector,
            Features = features,
            Explanation = explanation,
            AnomalyScore = anomalyScore,
            Label = context.Label,
        };
        Counters.CountEmitted(attackClass);
        _sink.OnDetection(detection);
    }

    private static WindowFacts Facts(in WindowContext context, ReadOnlySpan<float> matrix) =>
        WindowFacts.From(matrix, context.RowCount, context.TotalConnections, context.FailedConnections, context.DestinationPort);

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

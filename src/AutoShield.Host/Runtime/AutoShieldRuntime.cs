using System.Threading.Channels;
using AutoShield.Core.Actions;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;
using AutoShield.Kubernetes.Effects;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Rules;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Runtime;

/// <summary>
/// The whole loop in one process. An ingestion thread reads the sources, assembles connections and windows and runs
/// the detector; detections cross a bounded channel to the decision loop (policy engine, safety controller,
/// actuator); a ticker reverts expired actions, expires approvals and runs the effect check, whose escalations go
/// through the safety controller like any other action. The API, metrics and dashboard read the state exposed here.
/// </summary>
public sealed class AutoShieldRuntime : IAsyncDisposable
{
    private readonly RuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<Core.Detections.Detection> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly WindowDetector _detector;
    private readonly ChannelDetectionSink _sink;
    private readonly IngestionPipeline _pipeline;
    private readonly PolicyResponder _responder;
    private readonly EffectMonitor? _effects;
    private readonly List<Task> _tasks = [];
    private IReadOnlyList<OpenedSource> _sources = [];
    private int _state = (int)RuntimeState.Starting;
    private long _decided;
    private long _effective;
    private long _ineffective;

    public AutoShieldRuntime(RuntimeOptions options)
    {
        _options = options;
        _time = options.Time;
        _queue = Channel.CreateBounded<Core.Detections.Detection>(new BoundedChannelOptions(options.DetectionQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _sink = new ChannelDetectionSink(_queue.Writer, _stopping.Token);
        _detector = new WindowDetector(options.Model, _sink, options.Detector);
        IClusterInventory inventory;
        IWindowObserver observer = _detector;
        if (options.Inventory is { } given)
        {
            inventory = given;
        }
        else
        {
            var learned = new InMemoryClusterInventory();
            observer = new LearningInventoryObserver(learned, _detector);
            inventory = learned;
        }

        _pipeline = new IngestionPipeline(options.Ingestion, observer);
        Policy = new PolicyStore(options.PolicyFiles, _time, log: options.Log);
        DryRun = options.Actuator is null || options.Safety.DryRun;
        Actuator = DryRun ? new DryRunActuator() : options.Actuator!;
        Safety = new SafetyController(Actuator, options.Safety with { DryRun = DryRun }, _time, inventory);
        Engine = new PolicyEngine(() => Policy.Current, options.Decisions);
        _responder = new PolicyResponder(Engine, Safety, options.MayAct);
        if (!DryRun && options.Ledger is { } ledger)
        {
            _effects = new EffectMonitor(ledger, _time, options.Effect);
        }

        History = new BoundedLog<DetectionEntry>(options.HistoryCapacity);
        EffectVerdicts = new BoundedLog<EffectVerdict>(options.HistoryCapacity);
        RestoreKillSwitch();
    }

    public PolicyStore Policy { get; }

    public PolicyEngine Engine { get; }

    public SafetyController Safety { get; }

    public IActuator Actuator { get; }

    /// <summary>True when nothing is changed: no actuator was configured, or dry run was asked for.</summary>
    public bool DryRun { get; }

    public RuntimeOptions Options => _options;

    public WindowDetectorCounters Detector => _detector.Counters;

    /// <summary>The opened sources (their counters are live while they are read).</summary>
    public IReadOnlyList<OpenedSource> Sources => Volatile.Read(ref _sources);

    public BoundedLog<DetectionEntry> History { get; }

    public BoundedLog<EffectVerdict> EffectVerdicts { get; }

    /// <summary>Effect checks that found the attack stopped, and those that found it going on.</summary>
    public (long Effective, long Ineffective) EffectCounts => (Interlocked.Read(ref _effective), Interlocked.Read(ref _ineffective));

    public RuntimeState State => (RuntimeState)Volatile.Read(ref _state);

    /// <summary>Why the loop failed, when it did.</summary>
    public Exception? Failure { get; private set; }

    public bool MayAct => _options.MayAct?.Invoke() ?? true;

    /// <summary>Detections waiting for a decision now.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Times ingestion waited for the decision loop (back-pressure).</summary>
    public long QueueWaits => _sink.Waits;

    /// <summary>Detections decided so far.</summary>
    public long Decided => Interlocked.Read(ref _decided);

    /// <summary>Completes when every source is read and every detection decided (never, for a followed live source).</summary>
    public Task Drained { get; private set; } = Task.CompletedTask;

    /// <summary>Called after each detection is decided (metrics, dashboard push); on the decision loop's thread.</summary>
    public event Action<DetectionEntry>? Decision;

    public Task StartAsync()
    {
        Policy.StartWatching();
        var token = _stopping.Token;
        foreach (var service in _options.Services)
        {
            _tasks.Add(Task.Run(() => RunService(service, token), token));
        }

        var ingestion = Task.Factory.StartNew(() => Ingest(token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var decisions = Task.Run(() => DecideAsync(token), token);
        Drained = Task.WhenAll(ingestion, decisions);
        _tasks.Add(Drained);
        _tasks.Add(Task.Run(() => TickAsync(token), token));
        Volatile.Write(ref _state, (int)RuntimeState.Running);
        _options.Log($"loop started: {(DryRun ? "dry run (nothing is changed)" : "actuation enabled")}, policy {Policy.Current.Version}");
        return Task.CompletedTask;
    }

    /// <summary>Engages the kill switch (and persists it): no new cluster-changing action runs until released.</summary>
    public void EngageKillSwitch(string reason, string by)
    {
        var text = $"{reason} (by {by})";
        Safety.EngageKillSwitch(text);
        if (_options.KillSwitchFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.WriteAllText(file, text);
        }

        _options.Log($"kill switch engaged by {by}");
    }

    public void ReleaseKillSwitch(string by)
    {
        Safety.ReleaseKillSwitch();
        if (_options.KillSwitchFile is { } file && File.Exists(file))
        {
            File.Delete(file);
        }

        _options.Log($"kill switch released by {by}");
    }

    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: every task ends on the stopping token.
        }

        Policy.Dispose();
        foreach (var source in Sources)
        {
            source.Dispose();
        }

        if (State != RuntimeState.Failed)
        {
            Volatile.Write(ref _state, (int)RuntimeState.Stopped);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private void Ingest(CancellationToken token)
    {
        try
        {
            if (_options.Ready is { } ready)
            {
                ready(token).GetAwaiter().GetResult();
            }

            Volatile.Write(ref _sources, _options.OpenSources());
            _pipeline.Run(Sources, cancellationToken: token);
            _detector.Flush();
            _options.Log($"sources drained: {_detector.Counters.Windows:N0} windows, {_detector.Counters.Emitted:N0} detections");
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or HttpRequestException)
        {
            Fail(ex, "ingestion");
        }
        finally
        {
            _queue.Writer.TryComplete();
        }
    }

    private async Task DecideAsync(CancellationToken token)
    {
        try
        {
            await foreach (var detection in _queue.Reader.ReadAllAsync(token))
            {
                var started = _time.GetTimestamp();
                ReportEffect(detection);
                var responses = await _responder.HandleAsync(detection, token);
                var entry = new DetectionEntry(detection, responses, _time.GetElapsedTime(started));
                History.Add(entry);
                Interlocked.Increment(ref _decided);
                Decision?.Invoke(entry);
            }

            if (State == RuntimeState.Running)
            {
                Volatile.Write(ref _state, (int)RuntimeState.Drained);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void ReportEffect(Core.Detections.Detection detection)
    {
        if (_effects is null)
        {
            return;
        }

        // Effect reports use the process clock: the ledger stamps actions with it, and live event time follows it.
        var now = _time.GetUtcNow();
        _effects.Report(TargetResolver.For(detection.Source), now, 1);
        _effects.Report(TargetResolver.For(detection.Destination), now, 1);
    }

    private async Task TickAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(_options.TickPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                await TickOnceAsync(token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One tick: TTL reverts and approval expiry, then the effect check and its escalations (leader only).</summary>
    internal async Task TickOnceAsync(CancellationToken token)
    {
        await Safety.TickAsync(token);
        if (_effects is null || !MayAct)
        {
            return;
        }

        foreach (var verdict in await _effects.EvaluateDueAsync(token))
        {
            EffectVerdicts.Add(verdict);
            Interlocked.Increment(ref verdict.Effective ? ref _effective : ref _ineffective);
            _options.Log($"effect check: action {verdict.ActionId} {(verdict.Effective ? "worked" : $"did not stop the attack ({verdict.DetectionsAfter} detections after it)")}");
            if (verdict.Escalation is { } escalation)
            {
                var result = await Safety.SubmitAsync(escalation, Severity.High, token);
                _options.Log($"escalation {escalation.ActionType} on {escalation.Target.Key}: {result.Kind} ({result.Message})");
            }
        }
    }

    private async Task RunService(Func<CancellationToken, Task> service, CancellationToken token)
    {
        try
        {
            await service(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Fail(Exception ex, string stage)
    {
        Failure = ex;
        Volatile.Write(ref _state, (int)RuntimeState.Failed);
        _options.Log($"{stage} failed: {ex.Message}");
    }

    private void RestoreKillSwitch()
    {
        if (_options.KillSwitchFile is { } file && File.Exists(file))
        {
            var reason = File.ReadAllText(file).Trim();
            Safety.EngageKillSwitch(reason.Length == 0 ? "engaged before restart" : reason);
            _options.Log($"kill switch still engaged from {file}");
        }
    }
}

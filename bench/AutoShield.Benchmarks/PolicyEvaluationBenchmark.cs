using AutoShield.Core.Detections;
using AutoShield.Policy.Conditions;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Rules;
using BenchmarkDotNet.Attributes;

namespace AutoShield.Benchmarks;

/// <summary>
/// Policy evaluation cost: seed 004's custom condition and a larger one, compiled to delegates versus interpreted by
/// walking the syntax tree (the peer), and a full policy decision (default.yaml) for one detection out of a ring of
/// 65,536 detections over 64 pods, so cooldowns, escalation and suppression all take their share.
/// </summary>
[MemoryDiagnoser]
public class PolicyEvaluationBenchmark
{
    private const string SeedCondition = "features.bytes_sent > 10000000 AND \nfeatures.failed_conn_ratio < 0.1 AND\ntime.hour between 9 and 17\n";

    private const string LargeCondition =
        "(detection.class in ['PORT_SCAN', 'LATERAL_MOVEMENT', 'C2_BEACON'] AND detection.confidence >= 0.9) " +
        "AND NOT source.namespace in ['kube-system', 'monitoring'] " +
        "AND (features.unique_dst_ports > 20 OR features.failed_conn_ratio between 0.5 and 1 OR features.syn_count >= 40) " +
        "AND source.labels.app != 'prometheus' AND destination.pod not startswith 'coredns' " +
        "AND (time.weekday between 'mon' and 'fri' OR source.pod matches '^web-[0-9]+$') AND destination.port not in [53, 9090]";

    private CompiledCondition<PolicyContext> _seed = null!;
    private CompiledCondition<PolicyContext> _large = null!;
    private PolicyContext _context = null!;
    private PolicyEngine _engine = null!;
    private Core.Detections.Detection[] _ring = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _seed = ConditionCompiler<PolicyContext>.Compile(SeedCondition, DetectionFieldBinder.Default);
        _large = ConditionCompiler<PolicyContext>.Compile(LargeCondition, DetectionFieldBinder.Default);
        var start = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        _context = new PolicyContext(Make(0, AttackClass.PortScan, start));
        var loaded = new PolicyLoader().LoadFiles([Path.Combine(RepositoryRoot(), "config", "policies", "default.yaml")]);
        _engine = new PolicyEngine(loaded.Policy ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors)));
        string[] classes = [AttackClass.PortScan, AttackClass.SynFlood, AttackClass.LateralMovement, AttackClass.Benign];
        _ring = [.. Enumerable.Range(0, 65_536).Select(i => Make(i, classes[i % classes.Length], start.AddMilliseconds(100 * i)))];
    }

    [Benchmark(Baseline = true)]
    public bool SeedConditionCompiled() => _seed.Evaluate(_context);

    [Benchmark]
    public bool SeedConditionInterpreted() => _seed.Interpreter.Evaluate(_context);

    [Benchmark]
    public bool LargeConditionCompiled() => _large.Evaluate(_context);

    [Benchmark]
    public bool LargeConditionInterpreted() => _large.Interpreter.Evaluate(_context);

    [Benchmark]
    public int FullDecision()
    {
        var detection = _ring[_next];
        _next = (_next + 1) & (_ring.Length - 1);
        return _engine.Evaluate(detection).Count;
    }

    private static Core.Detections.Detection Make(int i, string attackClass, DateTimeOffset time) => new()
    {
        Id = "d" + i,
        Time = time,
        AttackClass = attackClass,
        Confidence = 0.97,
        Source = new DetectionEndpoint
        {
            Namespace = "shop",
            Pod = "web-" + (i % 64),
            Workload = "web",
            WorkloadKind = "Deployment",
            Node = "node-" + (i % 4),
            Ip = "10.0.1." + (i % 64),
            Port = 40_000 + (i % 1000),
            Labels = new Dictionary<string, string> { ["app"] = "web" },
        },
        Destination = new DetectionEndpoint { Namespace = "data", Pod = "db-0", Workload = "db", Ip = "10.0.2.1", Port = 5432 },
        Features = new Dictionary<string, double>
        {
            ["bytes_sent"] = 20_000_000,
            ["failed_conn_ratio"] = 0.05,
            ["syn_count"] = 41,
            ["unique_dst_ports"] = 38,
            ["window_rows"] = 20,
        },
    };

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoShield.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AutoShield.slnx not found");
    }
}

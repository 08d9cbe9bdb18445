using System.Diagnostics.CodeAnalysis;
using AutoShield.Core.Detections;
using AutoShield.Policy.Conditions;
using AutoShield.Policy.Rules;

namespace AutoShield.Policy.Tests.Conditions;

/// <summary>Every operator over every kind of field, evaluated both compiled and by the interpreter, which must agree.</summary>
public sealed class ConditionOperatorTests
{
    // Some.Detection: PORT_SCAN at 0.99, Monday 2026-03-02 10:30 UTC, shop/web-1 (app=web, tier=frontend, node-a, port 40000)
    // -> data/db-0 (port 5432, node-b); bytes_sent 2e7, failed_conn_ratio 0.05, syn_count 41, unique_dst_ports 38, window_rows 20.
    [Theory]
    // comparisons on features
    [InlineData("features.bytes_sent > 10000000", true)]
    [InlineData("features.bytes_sent > 20000000", false)]
    [InlineData("features.bytes_sent >= 20000000", true)]
    [InlineData("features.syn_count < 41", false)]
    [InlineData("features.syn_count <= 41", true)]
    [InlineData("features.syn_count == 41", true)]
    [InlineData("features.syn_count = 41", true)]
    [InlineData("features.syn_count != 41", false)]
    [InlineData("features.syn_count <> 40", true)]
    [InlineData("features.failed_conn_ratio < 0.1", true)]
    [InlineData("features.window_rows == 20", true)]
    [InlineData("features.bytes_sent > 10_000_000", true)]
    [InlineData("features.bytes_sent > 1e7", true)]
    [InlineData("features.syn_count > -1", true)]
    // missing feature: every comparison false, exists false, NOT flips
    [InlineData("features.bytes_received > 0", false)]
    [InlineData("features.bytes_received <= 0", false)]
    [InlineData("features.bytes_received == 0", false)]
    [InlineData("features.bytes_received != 0", false)]
    [InlineData("features.bytes_received between 0 and 1e12", false)]
    [InlineData("features.bytes_received in [0, 1]", false)]
    [InlineData("features.bytes_received not in [0, 1]", false)]
    [InlineData("features.bytes_received exists", false)]
    [InlineData("features.bytes_sent exists", true)]
    [InlineData("NOT features.bytes_received > 0", true)]
    // between, in
    [InlineData("features.syn_count between 41 and 50", true)]
    [InlineData("features.syn_count between 10 and 40", false)]
    [InlineData("features.unique_dst_ports in [1, 38, 99]", true)]
    [InlineData("features.unique_dst_ports in (1, 2)", false)]
    [InlineData("features.unique_dst_ports not in [1, 2]", true)]
    // detection.*
    [InlineData("detection.class == 'PORT_SCAN'", true)]
    [InlineData("detection.attack_class == PORT_SCAN", true)]
    [InlineData("detection.class in ['SYN_FLOOD', 'PORT_SCAN']", true)]
    [InlineData("detection.class != 'PORT_SCAN'", false)]
    [InlineData("detection.confidence >= 0.99", true)]
    [InlineData("detection.confidence > 0.99", false)]
    [InlineData("detection.detector == 'test'", true)]
    [InlineData("detection.anomaly_score exists", false)]
    [InlineData("detection.label exists", false)]
    [InlineData("detection.id startswith 'd'", true)]
    // source.* and destination.*
    [InlineData("source.namespace == 'shop'", true)]
    [InlineData("source.pod == 'web-1'", true)]
    [InlineData("source.workload == 'web'", true)]
    [InlineData("source.workload_kind == 'Deployment'", true)]
    [InlineData("source.node == 'node-a'", true)]
    [InlineData("source.ip startswith '10.0.0.'", true)]
    [InlineData("source.port == 40000", true)]
    [InlineData("source.name == 'shop/web-1'", true)]
    [InlineData("source.labels.app == 'web'", true)]
    [InlineData("source.labels.app == web", true)]
    [InlineData("source.labels.missing exists", false)]
    [InlineData("source.labels.missing != 'x'", false)]
    [InlineData("destination.namespace in ['data', 'payments']", true)]
    [InlineData("destination.port == 5432", true)]
    [InlineData("destination.port between 5000 and 6000", true)]
    [InlineData("destination.labels.tier == 'frontend'", true)]
    // string matching
    [InlineData("source.pod contains 'eb-'", true)]
    [InlineData("source.pod not contains 'eb-'", false)]
    [InlineData("source.pod startswith 'web'", true)]
    [InlineData("source.pod starts_with 'db'", false)]
    [InlineData("destination.pod endswith '-0'", true)]
    [InlineData("destination.pod ends_with '-1'", false)]
    [InlineData("source.pod matches '^web-[0-9]+$'", true)]
    [InlineData("source.pod not matches '^db'", true)]
    [InlineData("source.namespace not in ['kube-system']", true)]
    // time.*
    [InlineData("time.hour == 10", true)]
    [InlineData("time.hour between 9 and 17", true)]
    [InlineData("time.minute == 30", true)]
    [InlineData("time.weekday == 1", true)]
    [InlineData("time.weekday == mon", true)]
    [InlineData("time.weekday in ['sat', 'Sunday']", false)]
    [InlineData("time.weekday between 'mon' and 'fri'", true)]
    // logic
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("features.syn_count > 1 AND features.bytes_sent > 1", true)]
    [InlineData("features.syn_count > 1 and features.bytes_sent < 1", false)]
    [InlineData("features.syn_count < 1 OR features.bytes_sent > 1", true)]
    [InlineData("features.syn_count < 1 || features.bytes_sent < 1", false)]
    [InlineData("NOT features.syn_count > 1", false)]
    [InlineData("!(features.syn_count > 1) || true", true)]
    [InlineData("features.syn_count < 1 && false || true", true)]
    [InlineData("features.syn_count < 1 AND (false OR true)", false)]
    [InlineData("NOT (features.syn_count < 1 OR source.namespace == 'x')", true)]
    [InlineData("a_clause_of_three: features.syn_count > 1 AND true AND source.port > 0", true)]
    public void Evaluate_OperatorAndField_CompiledAndInterpretedAgree(string condition, bool expected)
    {
        var text = condition.StartsWith("a_clause_of_three: ", StringComparison.Ordinal) ? condition["a_clause_of_three: ".Length..] : condition;
        var compiled = ConditionCompiler<PolicyContext>.Compile(text, DetectionFieldBinder.Default);
        var context = new PolicyContext(Some.Detection());

        Assert.Equal(expected, compiled.Evaluate(context));
        Assert.Equal(expected, compiled.Interpreter.Evaluate(context));
    }

    [Fact]
    public void PolicyContext_TimeZone_HourAndWeekdayFollowTheZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus14", TimeSpan.FromHours(14), "plus14", "plus14");
        var compiled = ConditionCompiler<PolicyContext>.Compile("time.hour == 0 AND time.weekday == tue", DetectionFieldBinder.Default);

        Assert.True(compiled.Evaluate(new PolicyContext(Some.Detection(), zone)));
        Assert.False(compiled.Evaluate(new PolicyContext(Some.Detection())));
    }

    [Fact]
    public void Explain_FailingClause_NamesTheClauseAndTheValueSeen()
    {
        var compiled = ConditionCompiler<PolicyContext>.Compile("features.bytes_sent > 1 AND features.failed_conn_ratio > 0.5", DetectionFieldBinder.Default);

        var trace = compiled.Explain(new PolicyContext(Some.Detection()));

        Assert.Equal(2, trace.Count);
        Assert.True(trace[0].Result);
        Assert.False(trace[1].Result);
        Assert.Equal("features.failed_conn_ratio > 0.5", trace[1].Clause);
        Assert.Equal("features.failed_conn_ratio = 0.05", trace[1].Value);
    }

    [Fact]
    public void Binder_ExtraFeatureDeclaredByADetector_Binds()
    {
        var binder = new DetectionFieldBinder(["fanout_destinations"]);
        var detection = Some.Detection(features: new Dictionary<string, double> { ["fanout_destinations"] = 12 });

        var compiled = ConditionCompiler<PolicyContext>.Compile("features.fanout_destinations > 10", binder);

        Assert.True(compiled.Evaluate(new PolicyContext(detection)));
    }

    [Fact]
    public void Compile_CustomBinderOverAnotherContext_UsesTheSameLanguage()
    {
        var compiled = ConditionCompiler<Dictionary<string, string>>.Compile("kind == 'Deployment' AND name matches '^api-'", new DictionaryBinder());

        Assert.True(compiled.Evaluate(new Dictionary<string, string> { ["kind"] = "Deployment", ["name"] = "api-1" }));
        Assert.False(compiled.Evaluate(new Dictionary<string, string> { ["kind"] = "Deployment" }));
    }

    private sealed class DictionaryBinder : IFieldBinder<Dictionary<string, string>>
    {
        public bool TryBind(string path, [NotNullWhen(true)] out FieldAccessor<Dictionary<string, string>>? accessor, [NotNullWhen(false)] out string? error)
        {
            accessor = FieldAccessor<Dictionary<string, string>>.ForText(path, d => d.GetValueOrDefault(path));
            error = null;
            return true;
        }
    }

    [Fact]
    public void AttackClassConstants_CustomAttack_IsKnown() => Assert.Contains(AttackClass.CustomAttack, AttackClass.Known);
}

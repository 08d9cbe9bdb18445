using AutoShield.Policy.Conditions;
using AutoShield.Policy.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace AutoShield.Policy.Tests.Conditions;

/// <summary>Random conditions over random detections: the compiled delegate and the tree walker agree, and formatting round-trips.</summary>
public sealed class ConditionPropertyTests
{
    private static readonly Gen<string> NumberClause =
        from field in Gen.Elements("features.bytes_sent", "features.syn_count", "features.failed_conn_ratio", "features.bytes_received", "time.hour", "destination.port", "detection.confidence")
        from op in Gen.Elements(">", ">=", "<", "<=", "==", "!=")
        from value in Gen.Elements("0", "0.05", "0.5", "10", "41", "5432", "20000000")
        from shape in Gen.Choose(0, 4)
        select shape switch
        {
            0 => $"{field} between 0 and {value}",
            1 => $"{field} in [0, {value}, 41]",
            2 => $"{field} not in [{value}]",
            3 => $"{field} exists",
            _ => $"{field} {op} {value}",
        };

    private static readonly Gen<string> StringClause =
        from field in Gen.Elements("source.namespace", "source.pod", "destination.labels.app", "source.labels.tier", "detection.class", "source.labels.none")
        from value in Gen.Elements("shop", "web-1", "db", "PORT_SCAN", "front", "")
        from op in Gen.Elements("==", "!=", "contains", "startswith", "endswith", "not contains", "in", "matches")
        select op switch
        {
            "in" => $"{field} in ['{value}', 'x']",
            "matches" => $"{field} matches '^{value}'",
            _ => $"{field} {op} '{value}'",
        };

    private static Gen<string> Condition(int depth) => depth == 0
        ? Gen.OneOf(NumberClause, StringClause)
        : Gen.OneOf(
            NumberClause,
            StringClause,
            from a in Condition(depth - 1) from b in Condition(depth - 1) from op in Gen.Elements("AND", "OR", "and", "||", "&&") select $"{a} {op} {b}",
            from a in Condition(depth - 1) select $"NOT ({a})",
            from a in Condition(depth - 1) from b in Condition(depth - 1) select $"({a}) AND NOT {b}");

    private static readonly Gen<Core.Detections.Detection> DetectionGen =
        from bytes in Gen.Elements<double?>(null, 0, 20_000_000)
        from syn in Gen.Choose(0, 50)
        from ratio in Gen.Elements(0.0, 0.05, 0.5, 1.0)
        from hour in Gen.Choose(0, 23)
        from confidence in Gen.Elements(0.1, 0.5, 0.99)
        from cls in Gen.Elements("PORT_SCAN", "BENIGN")
        select Some.Detection(
            cls,
            confidence,
            Some.Monday10.Date.AddHours(hour),
            features: bytes is { } b
                ? new Dictionary<string, double> { ["bytes_sent"] = b, ["syn_count"] = syn, ["failed_conn_ratio"] = ratio }
                : new Dictionary<string, double> { ["syn_count"] = syn, ["failed_conn_ratio"] = ratio });

    [Fact]
    public void AnyCondition_CompiledAndInterpretedAgree()
    {
        var gen = from text in Condition(3) from detection in DetectionGen select (text, detection);
        var property = Prop.ForAll(gen.ToArbitrary(), pair =>
        {
            var compiled = ConditionCompiler<PolicyContext>.Compile(pair.text, DetectionFieldBinder.Default);
            var context = new PolicyContext(pair.detection);
            return compiled.Evaluate(context) == compiled.Interpreter.Evaluate(context);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void AnyCondition_FormatThenParse_EvaluatesTheSame()
    {
        var gen = from text in Condition(3) from detection in DetectionGen select (text, detection);
        var property = Prop.ForAll(gen.ToArbitrary(), pair =>
        {
            var original = ConditionCompiler<PolicyContext>.Compile(pair.text, DetectionFieldBinder.Default);
            var formatted = ConditionFormatter.Format(original.Root);
            var reparsed = ConditionCompiler<PolicyContext>.Compile(formatted, DetectionFieldBinder.Default);
            var context = new PolicyContext(pair.detection);
            return ConditionFormatter.Format(reparsed.Root) == formatted && reparsed.Evaluate(context) == original.Evaluate(context);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}

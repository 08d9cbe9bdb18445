using System.Globalization;
using AutoShield.Core.Actions;
using AutoShield.Policy.Conditions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoShield.Policy.Rules;

/// <summary>
/// Reads one policy file into rules, reporting every problem at its line and column (YamlDotNet's marks; a condition
/// error is mapped from its place in the condition text to its place in the file). Unknown keys are errors, so a typo
/// never silently disables a safeguard.
/// </summary>
internal sealed class PolicyFileParser
{
    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal)
    {
        "name", "description", "attack_class", "severity", "confidence_threshold", "cooldown_seconds", "condition",
        "exceptions", "actions", "escalation", "mode", "target", "ttl_seconds", "enabled",
    };

    private static readonly HashSet<string> ActionKeys = new(StringComparer.Ordinal) { "action_type", "parameters", "ttl_seconds" };
    private static readonly HashSet<string> EscalationKeys = new(StringComparer.Ordinal) { "window_seconds", "steps" };
    private static readonly HashSet<string> StepKeys = new(StringComparer.Ordinal) { "after_detections", "actions" };

    private readonly string _file;
    private readonly string[] _lines;
    private readonly IFieldBinder<PolicyContext> _binder;
    private readonly List<PolicyError> _errors = [];
    private readonly Dictionary<string, int> _unnamed = new(StringComparer.Ordinal);

    private PolicyFileParser(string text, string file, IFieldBinder<PolicyContext> binder)
    {
        _file = file;
        _lines = text.Split('\n');
        _binder = binder;
    }

    public static PolicyFileResult Parse(string text, string file, IFieldBinder<PolicyContext> binder)
    {
        var parser = new PolicyFileParser(text, file, binder);
        var rules = parser.ParseDocument(text);
        return parser._errors.Count == 0
            ? new PolicyFileResult(new PolicyDocument(file, rules), [])
            : new PolicyFileResult(null, parser._errors);
    }

    private List<PolicyRule> ParseDocument(string text)
    {
        var rules = new List<PolicyRule>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            Error(ex.Start, $"invalid YAML: {message}");
            return rules;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty;
            Error(at, "a policy file is one YAML mapping with a rules: or policies: list");
            return rules;
        }

        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var sawList = false;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            if (key is not ("rules" or "policies"))
            {
                Error(keyNode.Start, $"unknown top-level key '{key}': expected rules or policies");
                continue;
            }

            sawList = true;
            if (value is not YamlSequenceNode list)
            {
                Error(value.Start, $"{key} must be a list of rules");
                continue;
            }

            foreach (var item in list.Children)
            {
                if (ParseRule(item, requireName: key == "rules") is not { } rule)
                {
                    continue;
                }

                if (names.TryGetValue(rule.Name, out var first))
                {
                    Error(item.Start, $"rule name '{rule.Name}' is already used at line {first.Line}; names must be unique within a file");
                    continue;
                }

                names[rule.Name] = rule.Location;
                rules.Add(rule);
            }
        }

        if (!sawList && _errors.Count == 0)
        {
            Error(root.Start, "a policy file needs a rules: or policies: list");
        }

        return rules;
    }

    private PolicyRule? ParseRule(YamlNode node, bool requireName)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "a rule must be a mapping with attack_class and actions");
            return null;
        }

        var errorsBefore = _errors.Count;
        var fields = Fields(map, RuleKeys, "rule");
        var attackClass = Text(fields, "attack_class");
        if (attackClass is null)
        {
            Error(map.Start, "a rule needs attack_class");
        }
        else if (!IsClassName(attackClass.Value.Value))
        {
            Error(attackClass.Value.Node.Start, $"attack_class '{attackClass.Value.Value}' must be upper-case letters, digits and _ (for example PORT_SCAN or CUSTOM_ATTACK)");
        }

        var name = Text(fields, "name")?.Value;
        if (name is null && requireName)
        {
            Error(map.Start, "a rule under rules: needs a name");
        }

        var severity = Enum(fields, "severity", Severity.Medium);
        var threshold = Number(fields, "confidence_threshold", 0, 0, 1);
        var cooldown = Number(fields, "cooldown_seconds", PolicyDefaults.Cooldown.TotalSeconds, 0, 86_400 * 30);
        var ttl = fields.TryGetValue("ttl_seconds", out _) ? Number(fields, "ttl_seconds", 0, 1, 86_400 * 30) : (double?)null;
        var condition = fields.TryGetValue("condition", out var conditionNode) ? Condition(conditionNode) : null;
        var exceptions = Exceptions(fields);
        var actions = fields.TryGetValue("actions", out var actionsNode) ? Actions(actionsNode) : null;
        if (actions is null)
        {
            Error(map.Start, "a rule needs actions");
        }

        var (window, steps) = fields.TryGetValue("escalation", out var escalationNode) ? Escalation(escalationNode) : (PolicyDefaults.EscalationWindow, []);
        var mode = Enum(fields, "mode", RuleMode.Enforce);
        var target = Enum(fields, "target", TargetSide.Auto);
        var enabled = Bool(fields, "enabled", true);
        if (_errors.Count > errorsBefore || attackClass is null || actions is null)
        {
            return null;
        }

        return new PolicyRule
        {
            Name = name ?? UnnamedRule(attackClass.Value.Value),
            AttackClass = attackClass.Value.Value,
            Severity = severity,
            ConfidenceThreshold = threshold,
            Cooldown = TimeSpan.FromSeconds(cooldown),
            Ttl = ttl is { } t ? TimeSpan.FromSeconds(t) : null,
            Condition = condition,
            Exceptions = exceptions,
            Actions = actions,
            Escalation = steps,
            EscalationWindow = window,
            Mode = mode,
            Target = target,
            Enabled = enabled,
            Description = Text(fields, "description")?.Value ?? string.Empty,
            Location = Location(map.Start),
        };
    }

    /// <summary>A <c>policies:</c> entry has no name; the n-th one for a class in a file is <c>CLASS#n</c>, so a later file can override it.</summary>
    private string UnnamedRule(string attackClass)
    {
        var n = _unnamed.GetValueOrDefault(attackClass) + 1;
        _unnamed[attackClass] = n;
        return $"{attackClass}#{n.ToString(CultureInfo.InvariantCulture)}";
    }

    private static bool IsClassName(string value) =>
        value.Length > 0 && char.IsAsciiLetterUpper(value[0]) && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    private List<PolicyAction>? Actions(YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(node.Start, "actions must be a non-empty list of { action_type, parameters }");
            return null;
        }

        var actions = new List<PolicyAction>();
        foreach (var item in list.Children)
        {
            if (Action(item) is { } action)
            {
                actions.Add(action);
            }
        }

        return actions.Count == list.Children.Count ? actions : null;
    }

    private PolicyAction? Action(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "an action must be a mapping with action_type");
            return null;
        }

        var fields = Fields(map, ActionKeys, "action");
        var type = Text(fields, "action_type");
        if (type is null)
        {
            Error(map.Start, "an action needs action_type");
            return null;
        }

        if (!ActionType.All.Contains(type.Value.Value, StringComparer.Ordinal))
        {
            Error(type.Value.Node.Start, $"unknown action_type '{type.Value.Value}': expected one of {string.Join(", ", ActionType.All)}");
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields.TryGetValue("parameters", out var paramsNode))
        {
            if (paramsNode is not YamlMappingNode paramMap)
            {
                Error(paramsNode.Start, "parameters must be a mapping");
                return null;
            }

            foreach (var (key, value) in paramMap.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (ParameterText(value) is { } text)
                {
                    parameters[name] = text;
                }
            }

            foreach (var (parameter, message) in ActionParameterValidator.Validate(type.Value.Value, parameters))
            {
                var at = paramMap.Children.FirstOrDefault(kv => ((YamlScalarNode)kv.Key).Value == parameter).Value?.Start ?? paramMap.Start;
                Error(at, message);
            }
        }
        else
        {
            foreach (var (_, message) in ActionParameterValidator.Validate(type.Value.Value, parameters))
            {
                Error(map.Start, message);
            }
        }

        var ttl = fields.ContainsKey("ttl_seconds") ? TimeSpan.FromSeconds(Number(fields, "ttl_seconds", 0, 1, 86_400 * 30)) : (TimeSpan?)null;
        return new PolicyAction(type.Value.Value, parameters, Location(map.Start)) { Ttl = ttl };
    }

    private string? ParameterText(YamlNode value)
    {
        switch (value)
        {
            case YamlScalarNode scalar:
                return scalar.Value ?? string.Empty;
            case YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode):
                return string.Join(',', list.Children.Select(c => ((YamlScalarNode)c).Value));
            default:
                Error(value.Start, "a parameter must be a scalar or a list of scalars");
                return null;
        }
    }

    private (TimeSpan Window, List<EscalationStep> Steps) Escalation(YamlNode node)
    {
        var steps = new List<EscalationStep>();
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "escalation must be a mapping with window_seconds and steps");
            return (PolicyDefaults.EscalationWindow, steps);
        }

        var fields = Fields(map, EscalationKeys, "escalation");
        var window = TimeSpan.FromSeconds(Number(fields, "window_seconds", PolicyDefaults.EscalationWindow.TotalSeconds, 1, 86_400 * 30));
        if (!fields.TryGetValue("steps", out var stepsNode) || stepsNode is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(map.Start, "escalation needs steps: a list of { after_detections, actions }");
            return (window, steps);
        }

        var previous = 1;
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode stepMap)
            {
                Error(item.Start, "an escalation step must be a mapping with after_detections and actions");
                continue;
            }

            var stepFields = Fields(stepMap, StepKeys, "escalation step");
            var after = (int)Number(stepFields, "after_detections", 0, 2, 1_000_000);
            if (!stepFields.ContainsKey("after_detections"))
            {
                Error(stepMap.Start, "an escalation step needs after_detections (2 or more)");
            }
            else if (after <= previous)
            {
                Error(stepFields["after_detections"].Start, $"after_detections must grow from step to step (previous {previous})");
            }

            previous = Math.Max(previous, after);
            var actions = stepFields.TryGetValue("actions", out var actionsNode) ? Actions(actionsNode) : null;
            if (actions is null)
            {
                Error(stepMap.Start, "an escalation step needs actions");
                continue;
            }

            steps.Add(new EscalationStep(after, actions));
        }

        return (window, steps);
    }

    private CompiledCondition<PolicyContext>? Condition(YamlNode node)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node.Start, "condition must be text, for example: features.bytes_sent > 10000000 AND time.hour between 9 and 17");
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        if (ConditionCompiler<PolicyContext>.TryCompile(text, _binder, out var compiled, out var error))
        {
            return compiled;
        }

        var (line, column) = MapCondition(scalar, error!);
        _errors.Add(new PolicyError(_file, line, column, $"condition: {error!.Message}"));
        return null;
    }

    private List<CompiledCondition<PolicyContext>> Exceptions(Dictionary<string, YamlNode> fields)
    {
        var result = new List<CompiledCondition<PolicyContext>>();
        if (!fields.TryGetValue("exceptions", out var node))
        {
            return result;
        }

        if (node is not YamlSequenceNode list)
        {
            Error(node.Start, "exceptions must be a list of conditions");
            return result;
        }

        foreach (var item in list.Children)
        {
            if (Condition(item) is { } condition)
            {
                result.Add(condition);
            }
        }

        return result;
    }

    /// <summary>
    /// Where a position inside a condition lies in the file. Block scalars (<c>|</c>, <c>&gt;</c>) start on the line
    /// after their indicator and each line loses its indentation; flow scalars start at their mark, after the quote.
    /// </summary>
    private (int Line, int Column) MapCondition(YamlScalarNode scalar, ConditionError error)
    {
        var startLine = (int)scalar.Start.Line;
        var startColumn = (int)scalar.Start.Column;
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            var remaining = error.Offset;
            for (var fileLine = startLine + 1; fileLine <= _lines.Length; fileLine++)
            {
                var raw = _lines[fileLine - 1].TrimEnd('\r');
                var indent = raw.Length - raw.TrimStart(' ').Length;
                var content = raw.Length - indent;
                if (remaining <= content)
                {
                    return (fileLine, indent + remaining + 1);
                }

                remaining -= content + 1;
            }

            return (startLine + 1, 1);
        }

        var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return error.Line == 1 ? (startLine, startColumn + quote + error.Column - 1) : (startLine + error.Line - 1, error.Column);
    }

    private Dictionary<string, YamlNode> Fields(YamlMappingNode map, HashSet<string> allowed, string what)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(key))
            {
                Error(keyNode.Start, $"unknown {what} key '{key}': expected one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
                continue;
            }

            if (!fields.TryAdd(key, value))
            {
                Error(keyNode.Start, $"{key} is given twice");
            }
        }

        return fields;
    }

    private (string Value, YamlNode Node)? Text(Dictionary<string, YamlNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return (value, node);
        }

        Error(node.Start, $"{key} must be non-empty text");
        return null;
    }

    private double Number(Dictionary<string, YamlNode> fields, string key, double fallback, double min, double max)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return fallback;
        }

        // Numbers must be plain scalars: a quoted "0.95" is a string in YAML and in the JSON schema.
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
            || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(node.Start, $"{key} must be a number");
            return fallback;
        }

        if (value < min || value > max)
        {
            Error(node.Start, $"{key} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, got {scalar.Value}");
            return fallback;
        }

        return value;
    }

    private bool Bool(Dictionary<string, YamlNode> fields, string key, bool fallback)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return fallback;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node.Start, $"{key} must be true or false");
        return fallback;
    }

    private TEnum Enum<TEnum>(Dictionary<string, YamlNode> fields, string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (Text(fields, key) is not { } text)
        {
            return fallback;
        }

        if (!text.Value.Contains(',', StringComparison.Ordinal) && System.Enum.TryParse<TEnum>(text.Value, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            && !char.IsAsciiDigit(text.Value[0]))
        {
            return value;
        }

        Error(text.Node.Start, $"{key} '{text.Value}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
        return fallback;
    }

    private SourceLocation Location(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private void Error(Mark mark, string message) =>
        _errors.Add(new PolicyError(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), message));
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoShield.Policy.Tests.Rules;

/// <summary>
/// Just enough JSON Schema (2020-12 keywords policy.schema.json uses: $ref to $defs, allOf, anyOf, type, enum,
/// properties, required, additionalProperties, minProperties, items, minItems, minimum, maximum, minLength, pattern)
/// to check YAML files against the schema without a schema package.
/// </summary>
public sealed class MiniJsonSchema
{
    private readonly JsonNode _root;

    public MiniJsonSchema(string schemaJson)
    {
        _root = JsonNode.Parse(schemaJson)!;
    }

    public List<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", errors);
        return errors;
    }

    /// <summary>YAML as JSON the way a YAML 1.2 core-schema loader types it: plain scalars become numbers, booleans and null; quoted ones stay strings.</summary>
    public static JsonNode? FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "null" or "~" or "" => null,
        YamlScalarNode { Style: ScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException("unexpected YAML node"),
    };

    private void Check(JsonNode schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema is not JsonObject s)
        {
            return;
        }

        if (s["$ref"] is { } reference)
        {
            var target = reference.GetValue<string>()["#/".Length..].Split('/').Aggregate(_root, (node, part) => node[part]!);
            Check(target, value, path, errors);
        }

        if (s["allOf"] is JsonArray allOf)
        {
            foreach (var sub in allOf)
            {
                Check(sub!, value, path, errors);
            }
        }

        if (s["anyOf"] is JsonArray anyOf && !anyOf.Any(sub => { var e = new List<string>(); Check(sub!, value, path, e); return e.Count == 0; }))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (s["type"] is { } type)
        {
            var types = type is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToArray() : [type.GetValue<string>()];
            if (!types.Any(t => IsType(value, t)))
            {
                errors.Add($"{path}: expected {string.Join("|", types)}");
                return;
            }
        }

        if (s["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} not in enum");
        }

        if (value is JsonObject obj)
        {
            CheckObject(s, obj, path, errors);
        }

        if (value is JsonArray array)
        {
            if (s["minItems"] is { } minItems && array.Count < minItems.GetValue<int>())
            {
                errors.Add($"{path}: fewer than {minItems} items");
            }

            if (s["items"] is { } items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Check(items, array[i], $"{path}[{i}]", errors);
                }
            }
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            var number = v.GetValue<double>();
            if (s["minimum"] is { } min && number < min.GetValue<double>())
            {
                errors.Add($"{path}: below minimum {min}");
            }

            if (s["maximum"] is { } max && number > max.GetValue<double>())
            {
                errors.Add($"{path}: above maximum {max}");
            }
        }

        if (value is JsonValue str && str.GetValueKind() == JsonValueKind.String)
        {
            var text = str.GetValue<string>();
            if (s["minLength"] is { } minLength && text.Length < minLength.GetValue<int>())
            {
                errors.Add($"{path}: shorter than {minLength}");
            }

            if (s["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>()))
            {
                errors.Add($"{path}: '{text}' does not match {pattern}");
            }
        }
    }

    private void CheckObject(JsonObject s, JsonObject obj, string path, List<string> errors)
    {
        if (s["minProperties"] is { } minProperties && obj.Count < minProperties.GetValue<int>())
        {
            errors.Add($"{path}: fewer than {minProperties} properties");
        }

        if (s["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
            {
                errors.Add($"{path}: missing {name}");
            }
        }

        var properties = s["properties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is { } propertySchema)
            {
                Check(propertySchema, child, $"{path}.{name}", errors);
            }
            else if (s["additionalProperties"] is { } additional)
            {
                if (additional is JsonValue b && b.GetValueKind() == JsonValueKind.False)
                {
                    errors.Add($"{path}: unexpected property {name}");
                }
                else
                {
                    Check(additional, child, $"{path}.{name}", errors);
                }
            }
        }
    }

    private static bool IsType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "number" => value is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
        "integer" => value is JsonValue i && i.GetValueKind() == JsonValueKind.Number && Math.Abs(i.GetValue<double>() % 1) < 1e-12,
        "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "null" => value is null,
        _ => false,
    };
}

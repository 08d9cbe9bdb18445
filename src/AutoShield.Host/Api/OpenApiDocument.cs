using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AutoShield.Host.Api;

/// <summary>The OpenAPI 3.0 document of the REST API, built from the same route list the server maps.</summary>
public static partial class OpenApiDocument
{
    public static JsonObject Build(IReadOnlyList<ApiRoute> routes, string version)
    {
        var paths = new JsonObject();
        foreach (var group in routes.GroupBy(r => r.Path, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var route in group)
            {
                item[route.Method.ToLowerInvariant()] = Operation(route);
            }

            paths[group.Key] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "AutoShield API",
                ["version"] = version,
                ["description"] = "The running AutoShield loop: detections, decisions, actions, approvals, policy and the kill switch. GET endpoints are open; every POST needs Authorization: Bearer <token>.",
            },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
                ["schemas"] = new JsonObject
                {
                    ["Error"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["error"] = new JsonObject { ["type"] = "string" } },
                    },
                },
            },
            ["paths"] = paths,
        };
    }

    private static JsonObject Operation(ApiRoute route)
    {
        var parameters = new JsonArray();
        foreach (Match match in PathParameter().Matches(route.Path))
        {
            parameters.Add(new JsonObject { ["name"] = match.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var (name, description) in route.Query)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        var responses = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } } },
            ["400"] = ErrorResponse("Bad request: the error says what was expected"),
        };
        var operation = new JsonObject
        {
            ["summary"] = route.Summary,
            ["tags"] = new JsonArray(route.Tag),
            ["operationId"] = OperationId(route),
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
        if (route.Mutating)
        {
            operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
            responses["401"] = ErrorResponse("Missing or invalid bearer token");
            responses["404"] = ErrorResponse("No such object");
        }

        if (route.Body.Count > 0)
        {
            var properties = new JsonObject();
            foreach (var (name, description) in route.Body)
            {
                properties[name] = new JsonObject { ["description"] = description };
            }

            operation["requestBody"] = new JsonObject
            {
                ["required"] = false,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties } } },
            };
        }

        return operation;
    }

    private static JsonObject ErrorResponse(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Error" } } },
    };

    private static string OperationId(ApiRoute route)
    {
        var words = route.Path.Split('/', '-', '{', '}').Where(w => w.Length > 0 && w != "api").Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return route.Method.ToLowerInvariant() + string.Concat(words);
    }

    [GeneratedRegex(@"\{([a-zA-Z_]+)\}")]
    private static partial Regex PathParameter();
}

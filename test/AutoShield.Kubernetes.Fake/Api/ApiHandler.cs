using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Auth;
using AutoShield.Kubernetes.Fake.Faults;
using AutoShield.Kubernetes.Fake.Patching;
using Microsoft.AspNetCore.Http;

namespace AutoShield.Kubernetes.Fake.Api;

/// <summary>
/// Answers one HTTP request the way kube-apiserver does, in its order: authenticate (401), find the resource
/// (404), injected faults, authorize (403), then the verb.
/// </summary>
internal sealed class ApiHandler
{
    private readonly FakeKubernetesServer _server;

    public ApiHandler(FakeKubernetesServer server)
    {
        _server = server;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        FakeRequest? request = null;
        try
        {
            var user = Authenticate(context);
            if (path is "/healthz" or "/readyz" or "/livez")
            {
                await WriteTextAsync(context, 200, "ok");
                return;
            }

            if (Discovery.Answer(path, _server.Resources) is { } document)
            {
                await WriteJsonAsync(context, 200, document);
                return;
            }

            var route = ApiRoute.Parse(path, _server.Resources);
            var kind = route is null ? null : _server.Resources.Find(route.Group, route.Version, route.Plural);
            if (route is null || kind is null || (route.Name is null && route.Subresource is not null) || (!kind.Namespaced && route.Namespace is not null))
            {
                throw new ApiError(404, "NotFound", "the server could not find the requested resource");
            }

            var verb = VerbOf(context.Request, route);
            request = new FakeRequest(context.Request.Method, verb, route.Group, route.Plural, route.Subresource, route.Namespace, route.Name, user.Name, path + context.Request.QueryString);
            _server.Log(request);
            await ApplyFaultsAsync(context, request);
            if (context.RequestAborted.IsCancellationRequested || request.StatusCode != 0)
            {
                return;
            }

            if (!_server.Access.Allows(user, verb, route.Group, route.Plural, route.Subresource, route.Namespace, route.Name))
            {
                throw Forbidden(user, verb, route);
            }

            request.StatusCode = 200;
            if (verb == "watch")
            {
                await new WatchStreamer(_server, kind, route, context).StreamAsync();
                return;
            }

            var (status, body) = await new ResourceVerbs(_server, kind, route, context).ExecuteAsync(verb);
            request.StatusCode = status;
            await WriteJsonAsync(context, status, body);
        }
        catch (ApiError error)
        {
            if (request is not null)
            {
                request.StatusCode = error.Code;
            }

            if (error.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await WriteJsonAsync(context, error.Code, error.ToStatus());
        }
        catch (PatchError error)
        {
            var code = error.Undecodable ? 400 : 422;
            if (request is not null)
            {
                request.StatusCode = code;
            }

            await WriteJsonAsync(context, code, StatusObjects.Failure(code, error.Undecodable ? "BadRequest" : "Invalid", error.Message));
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or ArgumentException)
        {
            // A bug in the fake or an odd body: answer like an API server's InternalError rather than drop the connection.
            await WriteJsonAsync(context, 500, StatusObjects.Failure(500, "InternalError", $"an error on the server (\"{error.Message}\") has prevented the request from succeeding"));
        }
        catch (JsonException error)
        {
            await WriteJsonAsync(context, 400, StatusObjects.Failure(400, "BadRequest", $"the body of the request was in an unknown format: {error.Message}"));
        }
    }

    internal static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }

    private static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private FakeUser Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return _server.Access.UserForToken(header["Bearer ".Length..].Trim())
                ?? throw new ApiError(401, "Unauthorized", "Unauthorized");
        }

        if (context.Connection.ClientCertificate is { } certificate)
        {
            return UserOf(certificate);
        }

        return _server.Access.RequireAuthentication ? throw new ApiError(401, "Unauthorized", "Unauthorized") : FakeUser.Anonymous;
    }

    private static FakeUser UserOf(X509Certificate2 certificate)
    {
        string? name = null;
        var groups = new List<string>();
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            var oid = rdn.GetSingleElementType().Value;
            var value = rdn.GetSingleElementValue() ?? "";
            if (oid == "2.5.4.3")
            {
                name = value;
            }
            else if (oid == "2.5.4.10")
            {
                groups.Add(value);
            }
        }

        groups.Add("system:authenticated");
        return new FakeUser(name ?? "", groups);
    }

    private static string VerbOf(HttpRequest request, ApiRoute route)
    {
        var watch = request.Query["watch"].ToString() is "true" or "1";
        return request.Method switch
        {
            "GET" when route.Name is null && watch => "watch",
            "GET" when route.Name is null => "list",
            "GET" => "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when route.Name is null => "deletecollection",
            "DELETE" => "delete",
            _ => throw new ApiError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
    }

    private async Task ApplyFaultsAsync(HttpContext context, FakeRequest request)
    {
        if (_server.Faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_server.Faults.Latency, context.RequestAborted);
        }

        if (_server.Faults.Take(request) is not { } fault)
        {
            return;
        }

        if (fault.StatusCode == 0)
        {
            request.StatusCode = -1;
            context.Abort();
            return;
        }

        request.StatusCode = fault.StatusCode;
        var (reason, message) = fault.StatusCode switch
        {
            429 => ("TooManyRequests", "Too many requests, please try again later."),
            503 => ("ServiceUnavailable", "the server is currently unable to handle the request"),
            504 => ("Timeout", "the server was unable to return a response in the time allotted"),
            _ => ("InternalError", "an error on the server (\"injected fault\") has prevented the request from succeeding"),
        };
        JsonObject? details = fault.RetryAfterSeconds is { } seconds ? new JsonObject { ["retryAfterSeconds"] = seconds } : null;
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteJsonAsync(context, fault.StatusCode, StatusObjects.Failure(fault.StatusCode, reason, message, details));
    }

    private static ApiError Forbidden(FakeUser user, string verb, ApiRoute route)
    {
        var resource = route.Subresource is null ? route.Plural : $"{route.Plural}/{route.Subresource}";
        var target = route.Name is null ? resource : $"{ApiError.Qualified(route.Plural, route.Group)} \"{route.Name}\"";
        var where = route.Namespace is null ? "at the cluster scope" : $"in the namespace \"{route.Namespace}\"";
        var details = new JsonObject { ["group"] = route.Group, ["kind"] = route.Plural };
        if (route.Name is not null)
        {
            details["name"] = route.Name;
        }

        return new ApiError(403, "Forbidden", $"{target} is forbidden: User \"{user.Name}\" cannot {verb} resource \"{resource}\" in API group \"{route.Group}\" {where}", details);
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AutoShield.Host.Api;

/// <summary>
/// Guards every mutating endpoint: the request must carry <c>Authorization: Bearer &lt;token&gt;</c>. The comparison
/// runs in constant time over hashes, so neither the token's content nor its length leaks through timing.
/// </summary>
internal sealed class ApiTokenFilter(string token, Action onRejected) : IEndpointFilter
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(hash, _expected))
        {
            onRejected();
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"autoshield\"";
            return Results.Json(new ApiError(presented.Length == 0 ? "this endpoint changes state: send Authorization: Bearer <token> (see --api-token-file)" : "invalid token"), statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>Reads a call's outcome from <c>grpc-status</c>/<c>grpc-message</c>, or from the HTTP status when there is none.</summary>
internal static class GrpcStatusReader
{
    private const string StatusHeader = "grpc-status";
    private const string MessageHeader = "grpc-message";

    /// <summary>The status in these headers (trailers, or the headers of a trailers-only response); null when absent.</summary>
    public static GrpcStatus? Read(HttpHeaders headers)
    {
        if (!headers.TryGetValues(StatusHeader, out var values))
        {
            return null;
        }

        var text = values.FirstOrDefault();
        var code = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            && parsed is >= 0 and <= (int)GrpcStatusCode.Unauthenticated
            ? (GrpcStatusCode)parsed
            : GrpcStatusCode.Unknown;
        var message = headers.TryGetValues(MessageHeader, out var messages) ? Decode(string.Join(',', messages)) : string.Empty;
        if (code == GrpcStatusCode.Unknown && parsed != (int)GrpcStatusCode.Unknown)
        {
            message = $"unparseable grpc-status '{text}'" + (message.Length == 0 ? string.Empty : ": " + message);
        }

        return new GrpcStatus(code, message);
    }

    /// <summary>The gRPC status a non-200 HTTP answer stands for (the mapping of gRPC's HTTP/2 protocol document).</summary>
    public static GrpcStatus FromHttpStatus(HttpStatusCode status)
    {
        var code = status switch
        {
            HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
            HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
            HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
            _ => GrpcStatusCode.Unknown,
        };
        return new GrpcStatus(code, $"HTTP {(int)status} {status} without a gRPC status");
    }

    /// <summary>grpc-message is percent-encoded UTF-8; a malformed encoding is shown as sent.</summary>
    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}

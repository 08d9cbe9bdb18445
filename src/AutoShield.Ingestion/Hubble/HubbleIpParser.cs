using System.Text.Json;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Parses flow.<c>IP</c>; read through <see cref="HubbleCachedObject"/>, as address pairs recur.</summary>
internal readonly struct HubbleIpParser : IHubbleObjectParser<HubbleAddresses>
{
    public static HubbleAddresses Parse(ref Utf8JsonReader reader, HubbleParseContext context, string field)
    {
        var (source, destination) = (IpAddr.None, IpAddr.None);
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return new HubbleAddresses(source, destination);
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("source"u8))
            {
                source = ReadAddress(ref reader, context, "flow.IP.source");
            }
            else if (name.SequenceEqual("destination"u8))
            {
                destination = ReadAddress(ref reader, context, "flow.IP.destination");
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static IpAddr ReadAddress(ref Utf8JsonReader reader, HubbleParseContext context, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return IpAddr.None;
        }

        var text = context.Utf8(ref reader, field);
        if (text.IsEmpty)
        {
            // proto3 writes an unset string as "" or leaves it out: both mean absent.
            return IpAddr.None;
        }

        return IpAddr.TryParse(text, out var address)
            ? address
            : throw HubbleJson.Expected(ref reader, field, "an IPv4 or IPv6 address");
    }
}

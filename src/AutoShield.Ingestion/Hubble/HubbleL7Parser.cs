using System.Text.Json;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Reads flow.<c>l7</c>: request/response, latency, and the DNS, HTTP or Kafka record.</summary>
internal static class HubbleL7Parser
{
    public static void Read(ref Utf8JsonReader reader, HubbleParseContext context, ref L7Info l7)
    {
        if (!HubbleJson.IsObject(ref reader, "flow.l7"))
        {
            return;
        }

        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("type"u8))
            {
                l7.Type = HubbleEnums.L7Type(ref reader, context);
            }
            else if (name.SequenceEqual("latency_ns"u8))
            {
                l7.LatencyNanos = (long)HubbleJson.UInt64(ref reader, "flow.l7.latency_ns", long.MaxValue);
            }
            else if (name.SequenceEqual("dns"u8))
            {
                Dns(ref reader, context, ref l7);
            }
            else if (name.SequenceEqual("http"u8))
            {
                Http(ref reader, context, ref l7);
            }
            else if (name.SequenceEqual("kafka"u8))
            {
                if (HubbleJson.IsObject(ref reader, "flow.l7.kafka"))
                {
                    l7.Protocol = L7Protocol.Kafka;
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void Dns(ref Utf8JsonReader reader, HubbleParseContext context, ref L7Info l7)
    {
        if (!HubbleJson.IsObject(ref reader, "flow.l7.dns"))
        {
            return;
        }

        l7.Protocol = L7Protocol.Dns;
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("query"u8))
            {
                l7.DnsQuery = context.String(ref reader, "flow.l7.dns.query");
            }
            else if (name.SequenceEqual("rcode"u8))
            {
                // DNS rcodes are 4 bits, 12 with EDNS extended codes.
                l7.DnsRcode = (int)HubbleJson.UInt32(ref reader, "flow.l7.dns.rcode", 4_095);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void Http(ref Utf8JsonReader reader, HubbleParseContext context, ref L7Info l7)
    {
        if (!HubbleJson.IsObject(ref reader, "flow.l7.http"))
        {
            return;
        }

        l7.Protocol = L7Protocol.Http;
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("code"u8))
            {
                l7.HttpCode = (int)HubbleJson.UInt32(ref reader, "flow.l7.http.code", 999);
            }
            else if (name.SequenceEqual("method"u8))
            {
                l7.HttpMethod = context.String(ref reader, "flow.l7.http.method");
            }
            else if (name.SequenceEqual("url"u8))
            {
                l7.HttpUrl = context.String(ref reader, "flow.l7.http.url");
            }
            else if (name.SequenceEqual("protocol"u8))
            {
                l7.HttpProtocol = context.String(ref reader, "flow.l7.http.protocol");
            }
            else
            {
                reader.Skip();
            }
        }
    }
}

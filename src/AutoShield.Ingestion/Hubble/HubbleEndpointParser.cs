using System.Text.Json;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Reads flow.<c>source</c> / flow.<c>destination</c> (namespace, pod, identity, labels, first workload). Equal
/// endpoint objects recur on almost every line, so parsed endpoints are cached by the object's bytes, and a line
/// whose endpoint is already cached is not even tokenized there.
/// </summary>
internal static class HubbleEndpointParser
{
    /// <summary>Reads the endpoint object the reader is on and leaves the reader on its closing brace.</summary>
    public static FlowEndpoint Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, HubbleParseContext context, ref HubbleLineState state, string field)
    {
        if (!HubbleJson.IsObject(ref reader, field))
        {
            return default;
        }

        var start = state.ReaderOffset + (int)reader.TokenStartIndex;
        if (context.Endpoints.TryMatchStart(line[start..], out var endpoint, out var length))
        {
            // These bytes are an object already read and validated: restart the reader on its closing brace, from
            // the state it has now on the opening one, as if it had read "{}".
            var close = start + length - 1;
            reader = new Utf8JsonReader(line[close..], isFinalBlock: true, reader.CurrentState);
            reader.Read();
            state.ReaderOffset = close;
            return endpoint;
        }

        reader.Skip();
        var json = line[start..(state.ReaderOffset + (int)reader.TokenStartIndex + 1)];
        if (context.Endpoints.TryGet(json, out endpoint))
        {
            return endpoint;
        }

        var inner = new Utf8JsonReader(json);
        inner.Read();
        endpoint = Parse(ref inner, context, field);
        context.Endpoints.Add(json, endpoint);
        return endpoint;
    }
    private static FlowEndpoint Parse(ref Utf8JsonReader reader, HubbleParseContext context, string field)
    {
        var endpoint = default(FlowEndpoint);
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return endpoint;
            }

            var name = context.Name(ref reader);
            HubbleJson.Next(ref reader);
            if (name.SequenceEqual("labels"u8))
            {
                endpoint.Labels = context.Labels(ref reader, FieldName(field, "labels"));
            }
            else if (name.SequenceEqual("namespace"u8))
            {
                endpoint.Namespace = context.String(ref reader, FieldName(field, "namespace"));
            }
            else if (name.SequenceEqual("pod_name"u8))
            {
                endpoint.PodName = context.String(ref reader, FieldName(field, "pod_name"));
            }
            else if (name.SequenceEqual("identity"u8))
            {
                endpoint.Identity = HubbleJson.UInt32(ref reader, FieldName(field, "identity"));
            }
            else if (name.SequenceEqual("workloads"u8))
            {
                Workloads(ref reader, context, field, ref endpoint);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void Workloads(ref Utf8JsonReader reader, HubbleParseContext context, string field, ref FlowEndpoint endpoint)
    {
        if (!HubbleJson.IsArray(ref reader, FieldName(field, "workloads")))
        {
            return;
        }

        var first = true;
        while (true)
        {
            HubbleJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            if (!HubbleJson.IsObject(ref reader, FieldName(field, "workloads")) || !first)
            {
                reader.Skip();
                continue;
            }

            first = false;
            while (true)
            {
                HubbleJson.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = context.Name(ref reader);
                HubbleJson.Next(ref reader);
                if (name.SequenceEqual("name"u8))
                {
                    endpoint.Workload = context.String(ref reader, FieldName(field, "workloads.name"));
                }
                else if (name.SequenceEqual("kind"u8))
                {
                    endpoint.WorkloadKind = context.String(ref reader, FieldName(field, "workloads.kind"));
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    // Only reached on a cache miss, so building the name here costs nothing per event in steady state.
    private static string FieldName(string endpoint, string member) => $"{endpoint}.{member}";
}

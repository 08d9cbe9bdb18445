using System.Text.Json;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Parses flow.<c>source</c> / flow.<c>destination</c> (namespace, pod, identity, labels, first workload). Read
/// through <see cref="HubbleCachedObject"/>: the same endpoint objects recur on almost every line.
/// </summary>
internal readonly struct HubbleEndpointParser : IHubbleObjectParser<FlowEndpoint>
{
    public static FlowEndpoint Parse(ref Utf8JsonReader reader, HubbleParseContext context, string field)
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

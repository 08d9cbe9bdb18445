using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pcap;

namespace AutoShield.Ingestion.Tests.Pcap;

/// <summary>Reads a whole in-memory capture, collecting events, errors and the final counters.</summary>
internal sealed record CaptureRead(List<FlowEvent> Events, List<ParseError> Errors, SourceCounters Counters)
{
    public static CaptureRead Of(byte[] capture, PcapReaderOptions? options = null)
    {
        var errors = new List<ParseError>();
        var events = new List<FlowEvent>();
        using var reader = new PcapReader(new MemoryStream(capture), "capture.pcap", errors.Add, options);
        var flowEvent = default(FlowEvent);
        while (reader.TryRead(ref flowEvent))
        {
            events.Add(flowEvent);
        }

        Assert.False(reader.TryRead(ref flowEvent));
        return new CaptureRead(events, errors, reader.Counters);
    }
}

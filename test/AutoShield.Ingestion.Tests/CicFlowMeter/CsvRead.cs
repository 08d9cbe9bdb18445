using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.CicFlowMeter;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

/// <summary>Reads a whole CSV through <see cref="CicFlowMeterReader"/>, collecting events, errors and counters.</summary>
internal sealed record CsvRead(List<FlowEvent> Events, List<ParseError> Errors, SourceCounters Counters)
{
    public static CsvRead Of(string csv, CicFlowMeterReaderOptions? options = null) => Of(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options);

    public static CsvRead Of(Stream stream, CicFlowMeterReaderOptions? options = null)
    {
        var errors = new List<ParseError>();
        var events = new List<FlowEvent>();
        using var reader = new CicFlowMeterReader(stream, "flows.csv", errors.Add, options);
        var flowEvent = default(FlowEvent);
        while (reader.TryRead(ref flowEvent))
        {
            events.Add(flowEvent);
        }

        Assert.False(reader.TryRead(ref flowEvent));
        return new CsvRead(events, errors, reader.Counters);
    }
}

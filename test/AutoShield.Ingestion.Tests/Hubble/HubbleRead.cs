using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;

namespace AutoShield.Ingestion.Tests.Hubble;

/// <summary>Runs a <see cref="HubbleJsonReader"/> to the end and keeps what it produced.</summary>
internal sealed record HubbleRead(List<FlowEvent> Events, List<ParseError> Errors, SourceCounters Counters)
{
    public static HubbleRead Text(string text, HubbleJsonReaderOptions? options = null) =>
        Stream(new MemoryStream(Encoding.UTF8.GetBytes(text)), options);

    public static HubbleRead Lines(params string[] lines) => Text(string.Join('\n', lines) + "\n");

    public static HubbleRead File(string path) => Stream(System.IO.File.OpenRead(path), null, Path.GetFileName(path));

    public static HubbleRead Stream(Stream stream, HubbleJsonReaderOptions? options = null, string source = "test.json")
    {
        var errors = new List<ParseError>();
        using var reader = new HubbleJsonReader(stream, source, errors.Add, options);
        var events = new List<FlowEvent>();
        var flowEvent = default(FlowEvent);
        while (reader.TryRead(ref flowEvent))
        {
            events.Add(flowEvent);
        }

        return new HubbleRead(events, errors, reader.Counters);
    }

    public FlowEvent Single()
    {
        Assert.Empty(Errors);
        return Assert.Single(Events);
    }
}

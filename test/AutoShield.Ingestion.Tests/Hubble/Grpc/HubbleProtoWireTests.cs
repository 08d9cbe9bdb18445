using System.Text.Json.Nodes;
using AutoShield.Ingestion.Protos.Hubble;
using Google.Protobuf;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

/// <summary>Proof that our flow/observer protos describe the real Hubble JSON: same field names, types and enum names.</summary>
public sealed class HubbleProtoWireTests
{
    public static TheoryData<string> SampleFiles => [.. RecordedFlows.Files];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Parse_RecordedLinesWithoutIgnoringUnknownFields_EveryFieldIsDeclared(string file)
    {
        // Arrange
        var strict = new JsonParser(JsonParser.Settings.Default);

        // Act
        var parsed = RecordedFlows.Lines(file).Select(strict.Parse<GetFlowsResponse>).ToList();

        // Assert
        Assert.NotEmpty(parsed);
        Assert.All(parsed, response => Assert.Equal(GetFlowsResponse.ResponseTypesOneofCase.Flow, response.ResponseTypesCase));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Format_RecordedLinesThroughBinaryAndBack_ReproducesTheJson(string file)
    {
        // Arrange
        var formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));

        foreach (var line in RecordedFlows.Lines(file))
        {
            // Act: JSON -> message -> protobuf binary -> message -> JSON
            var binary = JsonParser.Default.Parse<GetFlowsResponse>(line).ToByteArray();
            var again = formatter.Format(GetFlowsResponse.Parser.ParseFrom(binary));

            // Assert
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(line), JsonNode.Parse(again)), $"{line}\n!=\n{again}");
        }
    }

    [Fact]
    public void Request_FieldNumbers_MatchUpstreamObserverProto()
    {
        // Arrange: number=1, follow=3, whitelist=6, since=7, first=9 on the wire
        var request = new GetFlowsRequest { Number = 5, Follow = true, First = true, Since = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1 } };
        request.Whitelist.Add(new FlowFilter { SourcePod = { "bookinfo/" } });

        // Act
        var bytes = request.ToByteArray();

        // Assert: tags are (field << 3) | wire type
        Assert.Equal(new byte[] { 0x08, 0x05, 0x18, 0x01, 0x32, 0x0B, 0x12, 0x09 }, bytes[..8]);
        Assert.Contains((byte)0x3A, bytes);
        Assert.Equal(0x48, bytes[^2]);
    }
}

using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.CicFlowMeter;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Pipeline;

public sealed class IngestionPipelineAttributionTests
{
    private const string Header =
        "id,Src IP,Src Port,Dst IP,Dst Port,Protocol,Timestamp,Flow Duration,Total Fwd Packet,Total Bwd packets,"
        + "Total Length of Fwd Packet,Total Length of Bwd Packet,Flow Bytes/s,FIN Flag Count,SYN Flag Count,RST Flag Count,ACK Flag Count,Label\n";

    [Fact]
    public void Run_CsvFlowsWithoutPods_WindowsCarryAttributedNamespaceAndPod()
    {
        var csv = Header
            + "1,10.0.0.1,40001,10.0.0.2,80,6,2017-07-05 13:43:23.198,100,1,1,10,0,1.5,0,1,0,1,BENIGN\n"
            + "2,10.0.0.1,40002,192.0.2.9,443,6,2017-07-05 13:43:24.198,100,1,1,10,0,1.5,0,1,0,1,BENIGN\n";
        var attributor = new MapAttributor(new()
        {
            [Ip("10.0.0.1")] = ("shop", "web-1"),
            [Ip("10.0.0.2")] = ("shop", "db-0"),
        });
        var observer = new EndpointRecorder();
        var pipeline = new IngestionPipeline(new IngestionOptions { Attributor = attributor }, observer);
        using var source = OpenedSource.FromReader("flows.csv", FlowSourceKind.CicFlowMeter,
            new CicFlowMeterReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "flows.csv"));

        var summary = pipeline.Run([source]);

        Assert.Equal(3, summary.AttributedEndpoints);
        Assert.Contains(("shop/web-1", "shop/db-0"), observer.Pairs);
        Assert.Contains(("shop/web-1", null), observer.Pairs);
        Assert.Equal("test", observer.Labels.Single());
    }

    [Fact]
    public void Run_EndpointsAlreadyNamed_AttributorNotAsked()
    {
        var named = Template();
        named.Source.PodName = "client";
        named.Destination.Workload = "server";
        var attributor = new MapAttributor(new() { [Ip("10.0.0.1")] = ("shop", "web-1") });
        var pipeline = new IngestionPipeline(new IngestionOptions { Attributor = attributor });
        using var source = OpenedSource.FromReader("named", FlowSourceKind.Hubble, new RepeatingFlowReader(named, 5));

        var summary = pipeline.Run([source]);

        Assert.Equal(0, attributor.Calls);
        Assert.Equal(0, summary.AttributedEndpoints);
    }

    [Fact]
    public void Run_WithAttributor_AllocatesNothingPerEvent()
    {
        var attributor = new MapAttributor(new() { [Ip("10.0.0.1")] = ("shop", "web-1"), [Ip("10.0.0.2")] = ("shop", "db-0") });
        var template = Template();

        var few = Allocations.LeastPerRound(() => RunRepeated(attributor, template, 100));
        var many = Allocations.LeastPerRound(() => RunRepeated(attributor, template, 10_100));

        Assert.InRange(many - few, 0, 1024);
    }

    private static void RunRepeated(MapAttributor attributor, FlowEvent template, int count)
    {
        var pipeline = new IngestionPipeline(new IngestionOptions { Attributor = attributor });
        using var source = OpenedSource.FromReader("repeat", FlowSourceKind.Hubble, new RepeatingFlowReader(template, count));
        pipeline.Run([source]);
    }

    // A flow summary as a CSV reader would emit it: addresses, ports and counts, no pod identity.
    private static FlowEvent Template()
    {
        var csv = Header + "1,10.0.0.1,40001,10.0.0.2,80,6,2017-07-05 13:43:23.198,100,1,1,10,0,1.5,0,1,0,1,BENIGN\n";
        using var reader = new CicFlowMeterReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "template.csv");
        var flowEvent = default(FlowEvent);
        Assert.True(reader.TryRead(ref flowEvent));
        return flowEvent;
    }

    private static IpAddr Ip(string text) => IpAddr.TryParse(text.AsSpan(), out var ip) ? ip : throw new ArgumentException(text);
}

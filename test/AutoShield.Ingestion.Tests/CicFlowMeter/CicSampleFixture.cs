using System.IO.Compression;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.CicFlowMeter;

/// <summary>The real CIC-IDS2017 (improved) Monday–Thursday sample, read once for all the tests that inspect it.</summary>
public sealed class CicSampleFixture
{
    public const string FileName = "cicids2017_improved_sample_mon-thu.csv.gz";

    public CicSampleFixture()
    {
        using var gzip = new GZipStream(File.OpenRead(SharedData.Flows(FileName)), CompressionMode.Decompress);
        Read = CsvRead.Of(gzip);
    }

    internal CsvRead Read { get; }
}

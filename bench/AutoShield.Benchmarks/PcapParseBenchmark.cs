using System.Buffers.Binary;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pcap;
using BenchmarkDotNet.Attributes;

namespace AutoShield.Benchmarks;

/// <summary>
/// Parse cost per packet of <see cref="PcapReader"/>: an in-memory capture of Ethernet/IPv4/TCP packets (a mix of
/// handshake, data and ACK segments across many connections), read to the end. The budget is 0 bytes allocated
/// per packet; what remains is the reader and stream created once per file.
/// </summary>
[MemoryDiagnoser]
public class PcapParseBenchmark
{
    private const int PacketCount = 100_000;

    private byte[] _capture = [];

    [Params("pcap", "pcapng")]
    public string Format { get; set; } = "pcap";

    /// <summary>The generated capture, for the peer harness to write to a file.</summary>
    internal byte[] Capture => _capture;

    [GlobalSetup]
    public void Setup()
    {
        using var output = new MemoryStream();
        WriteFileHeader(output);
        for (var i = 0; i < PacketCount; i++)
        {
            var payload = (i % 4) switch
            {
                0 => 0,
                1 => 1448,
                2 => 0,
                _ => 120 + (i % 300),
            };
            var frame = TcpFrame((uint)(0x0A000000 | (i % 251)), 0xC0A80A32, (ushort)(30000 + (i % 5000)), 443, (byte)(i % 4 == 0 ? 0x12 : 0x18), payload);
            WriteRecord(output, 1_499_082_271_000_000_000L + (i * 10_000L), frame);
        }

        _capture = output.ToArray();
    }

    [Benchmark(OperationsPerInvoke = PacketCount)]
    public long ParseCapture()
    {
        using var reader = new PcapReader(new MemoryStream(_capture, writable: false), "bench.pcap");
        var flowEvent = default(FlowEvent);
        long payload = 0;
        while (reader.TryRead(ref flowEvent))
        {
            payload += flowEvent.PayloadBytes;
        }

        if (reader.Counters.Good != PacketCount)
        {
            throw new InvalidOperationException($"expected {PacketCount} packets, read {reader.Counters.Good}");
        }

        return payload;
    }

    private void WriteFileHeader(Stream output)
    {
        Span<byte> header = stackalloc byte[Format == "pcap" ? 24 : 48];
        if (Format == "pcap")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 262144);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        }
        else
        {
            // Section header (28 bytes, no options), then an Ethernet interface description (20 bytes).
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x0A0D0D0A);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 28);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0x1A2B3C4D);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], 1);
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], -1);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], 28);
            BinaryPrimitives.WriteUInt32LittleEndian(header[28..], 1);
            BinaryPrimitives.WriteUInt32LittleEndian(header[32..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 1);
            BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 20);
        }

        output.Write(header);
    }

    private void WriteRecord(Stream output, long timeUnixNanos, byte[] frame)
    {
        if (Format == "pcap")
        {
            Span<byte> record = stackalloc byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(timeUnixNanos / 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(timeUnixNanos % 1_000_000_000 / 1000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            output.Write(record);
            output.Write(frame);
            return;
        }

        var padded = (frame.Length + 3) & ~3;
        var total = 32 + padded;
        Span<byte> block = stackalloc byte[28];
        var micros = (ulong)(timeUnixNanos / 1000);
        BinaryPrimitives.WriteUInt32LittleEndian(block, 6);
        BinaryPrimitives.WriteUInt32LittleEndian(block[4..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(block[12..], (uint)(micros >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(block[16..], (uint)micros);
        BinaryPrimitives.WriteUInt32LittleEndian(block[20..], (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(block[24..], (uint)frame.Length);
        output.Write(block);
        output.Write(frame);
        output.Write(new byte[padded - frame.Length]);
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, (uint)total);
        output.Write(trailer);
    }

    private static byte[] TcpFrame(uint source, uint destination, ushort sourcePort, ushort destinationPort, byte flags, int payload)
    {
        var frame = new byte[14 + 20 + 20 + payload];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(40 + payload));
        ip[8] = 64;
        ip[9] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        var tcp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], destinationPort);
        tcp[12] = 0x50;
        tcp[13] = flags;
        return frame;
    }
}

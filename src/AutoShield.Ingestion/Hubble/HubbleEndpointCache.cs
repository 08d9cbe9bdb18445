using System.Buffers.Binary;
using System.Numerics;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Remembers parsed endpoints by the exact bytes of their JSON object. Most of a Hubble line is its two endpoints
/// (labels above all), and a cluster has few distinct ones, so a hit turns that work into one hash and one
/// compare. Bounded in entries and in key size; when full it starts afresh. Not thread-safe.
/// </summary>
internal sealed class HubbleEndpointCache
{
    /// <summary>Objects longer than this are parsed every time rather than held.</summary>
    public const int MaxKeyBytes = 4_096;

    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    private readonly int _capacity;
    private readonly Entry[] _buckets;
    private int _count;

    public HubbleEndpointCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        _capacity = capacity;
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _buckets = new Entry[size];
    }

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<byte> json, ulong hash, out FlowEndpoint endpoint)
    {
        var mask = _buckets.Length - 1;
        var index = (int)hash & mask;
        while (true)
        {
            ref var entry = ref _buckets[index];
            if (entry.Json is null)
            {
                endpoint = default;
                return false;
            }

            if (entry.Hash == hash && entry.Json.AsSpan().SequenceEqual(json))
            {
                endpoint = entry.Endpoint;
                return true;
            }

            index = (index + 1) & mask;
        }
    }

    public void Add(ReadOnlySpan<byte> json, ulong hash, in FlowEndpoint endpoint)
    {
        if (json.Length > MaxKeyBytes)
        {
            return;
        }

        if (_count >= _capacity)
        {
            Array.Clear(_buckets);
            _count = 0;
        }

        var mask = _buckets.Length - 1;
        var index = (int)hash & mask;
        while (_buckets[index].Json is not null)
        {
            index = (index + 1) & mask;
        }

        _buckets[index] = new Entry(hash, json.ToArray(), endpoint);
        _count++;
    }

    /// <summary>
    /// A 64-bit hash of the bytes, eight at a time on two independent lanes so the multiplies overlap; keys are a few
    /// hundred bytes, where byte-at-a-time hashing would cost more than the JSON it saves.
    /// </summary>
    public static ulong Hash(ReadOnlySpan<byte> data)
    {
        var a = Prime1 ^ (ulong)data.Length;
        var b = Prime2;
        var i = 0;
        for (; i + 16 <= data.Length; i += 16)
        {
            a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
        }

        if (data.Length >= 8)
        {
            // The last 16 bytes (overlapping what the loop saw) cover the tail without a byte loop.
            var tail = data[Math.Max(0, data.Length - 16)..];
            a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(tail));
            b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(tail[^8..]));
        }
        else
        {
            ulong last = 0;
            for (; i < data.Length; i++)
            {
                last = (last << 8) | data[i];
            }

            a = Round(a, last);
        }

        var hash = a ^ BitOperations.RotateLeft(b, 27);
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        return hash;
    }

    private static ulong Round(ulong lane, ulong input) => BitOperations.RotateLeft(lane ^ (input * Prime2), 31) * Prime1;

    private readonly record struct Entry(ulong Hash, byte[] Json, FlowEndpoint Endpoint);
}

using System.Buffers.Binary;
using System.Numerics;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Remembers parsed endpoints by the exact bytes of their JSON object. Most of a Hubble line is its two endpoints
/// (labels above all) and a cluster has few distinct ones, so a hit turns that work into one short hash and one
/// compare. Entries are found by a hash of the object's first <see cref="PrefixBytes"/> bytes, so a line can be
/// matched before the object's end is known. Bounded in entries and key size; when full it starts afresh.
/// Not thread-safe.
/// </summary>
internal sealed class HubbleEndpointCache
{
    /// <summary>Bytes hashed to find an entry; long enough that distinct endpoints rarely share them.</summary>
    public const int PrefixBytes = 64;

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

    /// <summary>
    /// Finds a cached object that <paramref name="text"/> starts with. JSON objects delimit themselves, so equal
    /// leading bytes mean the same whole object: <paramref name="length"/> is where it ends.
    /// </summary>
    public bool TryMatchStart(ReadOnlySpan<byte> text, out FlowEndpoint endpoint, out int length)
    {
        if (text.Length >= PrefixBytes)
        {
            var hash = Hash(text[..PrefixBytes]);
            var mask = _buckets.Length - 1;
            for (var index = (int)hash & mask; _buckets[index].Json is { } json; index = (index + 1) & mask)
            {
                if (_buckets[index].Hash == hash && text.StartsWith(json))
                {
                    endpoint = _buckets[index].Endpoint;
                    length = json.Length;
                    return true;
                }
            }
        }

        endpoint = default;
        length = 0;
        return false;
    }

    /// <summary>Finds the entry for exactly this object.</summary>
    public bool TryGet(ReadOnlySpan<byte> json, out FlowEndpoint endpoint)
    {
        var hash = KeyHash(json);
        var mask = _buckets.Length - 1;
        for (var index = (int)hash & mask; _buckets[index].Json is { } key; index = (index + 1) & mask)
        {
            if (_buckets[index].Hash == hash && key.AsSpan().SequenceEqual(json))
            {
                endpoint = _buckets[index].Endpoint;
                return true;
            }
        }

        endpoint = default;
        return false;
    }

    /// <summary>Holds an object not yet cached (the caller has just missed with <see cref="TryGet"/>).</summary>
    public void Add(ReadOnlySpan<byte> json, in FlowEndpoint endpoint)
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

        var hash = KeyHash(json);
        var mask = _buckets.Length - 1;
        var index = (int)hash & mask;
        while (_buckets[index].Json is not null)
        {
            index = (index + 1) & mask;
        }

        _buckets[index] = new Entry(hash, json.ToArray(), endpoint);
        _count++;
    }

    private static ulong KeyHash(ReadOnlySpan<byte> json) => Hash(json[..Math.Min(json.Length, PrefixBytes)]);

    /// <summary>A 64-bit hash, eight bytes at a time on two lanes so the multiplies overlap.</summary>
    private static ulong Hash(ReadOnlySpan<byte> data)
    {
        var a = Prime1 ^ (ulong)data.Length;
        var b = Prime2;
        var i = 0;
        for (; i + 16 <= data.Length; i += 16)
        {
            a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
        }

        if (i < data.Length)
        {
            if (data.Length >= 16)
            {
                // The last 16 bytes, overlapping what the loop saw, cover the tail without a byte loop.
                a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(data[^16..]));
                b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(data[^8..]));
            }
            else
            {
                for (; i < data.Length; i++)
                {
                    a = Round(a, data[i]);
                }
            }
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

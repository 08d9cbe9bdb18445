using System.Runtime.CompilerServices;

namespace AutoShield.Ingestion.Windows;

/// <summary>One counter per sub-interval of the fan-out horizon, held inline in the source's state.</summary>
[InlineArray(SlidingDistinct.Buckets)]
internal struct BucketCounts
{
    private int _element;
}

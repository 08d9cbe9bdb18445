namespace AutoShield.Metrics;

/// <summary>The kinds of metric family this library exposes, named as in the <c># TYPE</c> line.</summary>
internal enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}

using AutoShield.Metrics.Exposition;

namespace AutoShield.Metrics;

/// <summary>One labelled series of a family, able to write its own samples.</summary>
internal interface IMetricChild
{
    void WriteSamples(ExpositionWriter writer, MetricFamily family, string[] labelValues);
}

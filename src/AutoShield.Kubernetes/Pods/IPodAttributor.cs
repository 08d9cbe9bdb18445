using AutoShield.Core.Net;

namespace AutoShield.Kubernetes.Pods;

/// <summary>Answers which pod held an IP address at a moment: what ingestion asks for flows that carry only addresses (pcap, CSV).</summary>
public interface IPodAttributor
{
    bool TryAttribute(IpAddr address, DateTimeOffset at, out PodIdentity identity);
}

using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Core.Windows;

/// <summary>
/// Who one side of a pair is: the pod, else the workload, else the IP address (DESIGN.md, "pair").
/// Strings come interned from the readers, so equality is usually a reference comparison.
/// </summary>
public readonly struct EndpointIdentity : IEquatable<EndpointIdentity>
{
    public EndpointIdentity(string? @namespace, string? name, IpAddr ip)
    {
        Namespace = @namespace;
        Name = name;
        Ip = name is null ? ip : default;
    }

    public string? Namespace { get; }

    /// <summary>Pod name, else workload name; null when the identity is the IP alone.</summary>
    public string? Name { get; }

    /// <summary>The address, set only when there is no name (pod IPs change; pods do not).</summary>
    public IpAddr Ip { get; }

    public static EndpointIdentity From(in FlowEndpoint endpoint, IpAddr ip) =>
        new(endpoint.Namespace, endpoint.PodName ?? endpoint.Workload, ip);

    public bool Equals(EndpointIdentity other) =>
        Ip == other.Ip && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EndpointIdentity other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(
        Namespace is null ? 0 : StringComparer.Ordinal.GetHashCode(Namespace),
        Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name),
        Ip);

    public override string ToString() => Name is not null
        ? (Namespace is null ? Name : $"{Namespace}/{Name}")
        : Ip.ToString();

    public static bool operator ==(EndpointIdentity left, EndpointIdentity right) => left.Equals(right);

    public static bool operator !=(EndpointIdentity left, EndpointIdentity right) => !left.Equals(right);
}

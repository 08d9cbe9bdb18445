namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>An HTTP/1.1 request as Cilium's proxy logs it.</summary>
internal sealed record HttpRequest(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, int Bytes)
{
    public const string Protocol = "HTTP/1.1";
}

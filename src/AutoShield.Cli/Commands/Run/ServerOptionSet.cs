using System.CommandLine;
using AutoShield.Host.Api;

namespace AutoShield.Cli.Commands.Run;

/// <summary>The listener options <c>run</c> and <c>demo</c> share.</summary>
internal sealed class ServerOptionSet
{
    public Option<string> Listen { get; } = new("--listen") { Description = "Address the API, dashboard and metrics listen on.", DefaultValueFactory = _ => "127.0.0.1" };

    public Option<int> ApiPort { get; } = new("--api-port") { Description = "REST API port (docs at /docs; 0 picks a free port).", DefaultValueFactory = _ => 8000 };

    public Option<int> DashboardPort { get; } = new("--dashboard-port") { Description = "Dashboard port.", DefaultValueFactory = _ => 8081 };

    public Option<int> MetricsPort { get; } = new("--metrics-port") { Description = "Prometheus metrics port (/metrics).", DefaultValueFactory = _ => 9090 };

    public Option<string?> TokenFile { get; } = new("--api-token-file") { Description = "File holding the API token for POST requests (default: AUTOSHIELD_API_TOKEN, else one generated into the data directory)." };

    public IEnumerable<Option> All => [Listen, ApiPort, DashboardPort, MetricsPort, TokenFile];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    public ServerOptions Read(ParseResult parse, string token) => new()
    {
        ListenAddress = parse.GetValue(Listen)!,
        ApiPort = parse.GetValue(ApiPort),
        DashboardPort = parse.GetValue(DashboardPort),
        MetricsPort = parse.GetValue(MetricsPort),
        ApiToken = token,
    };
}

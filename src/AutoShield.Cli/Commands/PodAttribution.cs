using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Core.Flows;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Pods;
using AutoShield.Kubernetes.Watch;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>--attribute</c> for <c>replay</c> and <c>detect</c>: lists the cluster's pods and ReplicaSets once and names the
/// pods behind bare addresses (pcap, CSV) by who holds them, falling back to the current holder for old recordings.
/// </summary>
internal sealed class PodAttribution
{
    private readonly Option<bool> _attribute = new("--attribute") { Description = "Name pods behind bare addresses (pcap, CSV) from the cluster's current pods (listed once; an IP reused since the recording is named after its current holder)." };
    private readonly Option<string?> _kubeconfig = ActionsCliSupport.Kubeconfig();
    private readonly Option<string?> _context = ActionsCliSupport.KubeContext();

    public IEnumerable<Option> All => [_attribute, _kubeconfig, _context];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The attributor when <c>--attribute</c> was given (null when not); false, with the reason on stderr, when the
    /// cluster could not be listed.
    /// </summary>
    public bool TryCreate(CliContext context, ParseResult parse, string command, out IEndpointAttributor? attributor)
    {
        attributor = null;
        if (!parse.GetValue(_attribute))
        {
            return true;
        }

        var connection = ActionsCliSupport.Connect(context, command, parse.GetValue(_kubeconfig), parse.GetValue(_context));
        if (connection is null)
        {
            return false;
        }

        try
        {
            using var client = new KubernetesClient(connection);
            var cache = new PodIpCache();
            foreach (var replicaSet in client.ListAllAsync(ResourceTypes.ReplicaSets).GetAwaiter().GetResult().Items)
            {
                cache.OnReplicaSet(WatchEventType.Added, replicaSet);
            }

            var pods = client.ListAllAsync(ResourceTypes.Pods).GetAwaiter().GetResult().Items;
            foreach (var pod in pods)
            {
                cache.OnPod(WatchEventType.Added, pod);
            }

            context.Error.WriteLine($"autoshield {command}: {pods.Count:N0} pods listed, {cache.TrackedAddresses:N0} addresses to attribute");
            attributor = new PodCacheAttributor(cache, fallbackToCurrent: true);
            return true;
        }
        catch (Exception ex) when (ex is KubernetesApiException or HttpRequestException or IOException or TaskCanceledException)
        {
            context.Error.WriteLine($"autoshield {command}: listing pods: {ex.Message}");
            return false;
        }
    }

    public static void Report(CliContext context, string command, IEndpointAttributor? attributor, long attributed)
    {
        if (attributor is not null)
        {
            context.Error.WriteLine($"autoshield {command}: {attributed:N0} endpoints attributed to pods");
        }
    }
}

namespace AutoShield.Ingestion.Tests.Tetragon;

/// <summary>Builders of small synthetic Tetragon events (one JSON line each) for shapes the real samples lack.</summary>
internal static class SomeTetragonEvent
{
    public const string Time = "2024-05-01T10:00:00.123456789Z";

    public const string Pod =
        """{"namespace":"shop","name":"cart-7d9f-abcde","workload":"cart","workload_kind":"Deployment","pod_labels":{"app":"cart","tier":"backend"}}""";

    public static string Process(string pid = "4242", string pod = Pod) =>
        $$"""{"exec_id":"bm9kZToxOjQyNDI=","pid":{{pid}},"uid":1000,"binary":"/usr/bin/cart","arguments":"--port 8080","flags":"execve","start_time":"2024-05-01T09:59:00Z","pod":{{pod}}}""";

    public static string Kprobe(string function, string args, string? returnArg = null, string time = Time)
    {
        var ret = returnArg is null ? string.Empty : $$""","return":{{returnArg}}""";
        return $$"""{"process_kprobe":{"process":{{Process()}},"function_name":"{{function}}","args":[{{args}}]{{ret}},"action":"KPROBE_ACTION_POST","policy_name":"connections"},"node_name":"node-a","time":"{{time}}"}""";
    }

    public static string Sock(string saddr = "10.0.0.5", int sport = 40000, string daddr = "10.0.1.9", int dport = 6379, string protocol = "IPPROTO_TCP") =>
        $$$"""{"sock_arg":{"family":"AF_INET","type":"SOCK_STREAM","protocol":"{{{protocol}}}","saddr":"{{{saddr}}}","daddr":"{{{daddr}}}","sport":{{{sport}}},"dport":{{{dport}}},"cookie":"18446612690148426176","state":"TCP_ESTABLISHED"}}""";

    public static string Exec(string process) =>
        $$"""{"process_exec":{"process":{{process}}},"node_name":"node-a","time":"{{Time}}"}""";
}

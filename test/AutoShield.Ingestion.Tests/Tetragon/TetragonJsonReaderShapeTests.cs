using AutoShield.Core.Net;
using AutoShield.Ingestion.Tetragon;

namespace AutoShield.Ingestion.Tests.Tetragon;

/// <summary>Event shapes of current Tetragon that the 2021–2022 samples lack, written from the proto field names.</summary>
public sealed class TetragonJsonReaderShapeTests
{
    private static TetragonEvent ReadOne(string json)
    {
        var (events, errors) = TetragonSamples.Read(json + "\n");
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return Assert.Single(events);
    }

    [Fact]
    public void TryRead_EveryArgumentKind_IsTyped()
    {
        const string Args = """
            {"int_arg":-5},{"uint_arg":7},{"size_arg":"12"},{"long_arg":"-9"},{"string_arg":"hello","label":"greeting"},
            {"bytes_arg":"AAEC"},{"truncated_bytes_arg":{"bytes_arg":"AAECAw==","orig_size":"4096"}},
            {"file_arg":{"mount":"/","path":"/etc/shadow","flags":"","permission":"-rw-r-----"}},
            {"path_arg":{"path":"/tmp/x"}},
            {"sock_arg":{"family":"AF_INET6","type":"SOCK_STREAM","protocol":"IPPROTO_TCP","saddr":"fd00::1","daddr":"fd00::2","sport":443,"dport":51000,"cookie":"77","state":"TCP_SYN_SENT"}},
            {"skb_arg":{"hash":9,"len":1500,"saddr":"10.0.0.1","daddr":"10.0.0.2","sport":53,"dport":40000,"proto":17,"family":"AF_INET"}},
            {"sockaddr_arg":{"family":"AF_INET","addr":"1.2.3.4","port":8080}},
            {"cred_arg":{"uid":1000,"gid":1000,"euid":0,"egid":0,"caps":{"permitted":["CAP_SYS_ADMIN"]}}},
            {"capability_arg":{"value":21,"name":"CAP_SYS_ADMIN"}},
            {"bpf_attr_arg":{"ProgType":"BPF_PROG_TYPE_KPROBE"}}
            """;

        var args = ReadOne(SomeTetragonEvent.Kprobe("security_file_open", Args.ReplaceLineEndings(string.Empty), """{"int_arg":-13}""")).Probe!;

        Assert.Equal(-13, Assert.IsType<IntArgument>(args.Return).Value);
        Assert.Collection(
            args.Args,
            a => Assert.Equal(-5, Assert.IsType<IntArgument>(a).Value),
            a => Assert.Equal(7u, Assert.IsType<UintArgument>(a).Value),
            a => Assert.Equal(12ul, Assert.IsType<SizeArgument>(a).Value),
            a => Assert.Equal(-9L, Assert.IsType<LongArgument>(a).Value),
            a => Assert.Equal(new StringArgument("hello") { Label = "greeting" }, a),
            a => Assert.Equal(3, Assert.IsType<BytesArgument>(a).Length),
            a => Assert.Equal(new TruncatedBytesArgument(4, 4096), a),
            a => Assert.Equal(new FileArgument { Mount = "/", Path = "/etc/shadow", Flags = "", Permission = "-rw-r-----" }, a),
            a => Assert.Equal(new FileArgument { IsPath = true, Path = "/tmp/x" }, a),
            a => Assert.Equal(
                new SockArgument
                {
                    Family = "AF_INET6",
                    Type = "SOCK_STREAM",
                    Protocol = "IPPROTO_TCP",
                    Saddr = IpAddr.Parse("fd00::1"),
                    Daddr = IpAddr.Parse("fd00::2"),
                    Sport = 443,
                    Dport = 51000,
                    Cookie = 77,
                    State = "TCP_SYN_SENT",
                },
                a),
            a => Assert.Equal(
                new SkbArgument
                {
                    Hash = 9,
                    Len = 1500,
                    Saddr = IpAddr.Parse("10.0.0.1"),
                    Daddr = IpAddr.Parse("10.0.0.2"),
                    Sport = 53,
                    Dport = 40000,
                    Proto = 17,
                    Family = "AF_INET",
                },
                a),
            a => Assert.Equal(new SockaddrArgument { Family = "AF_INET", Addr = IpAddr.Parse("1.2.3.4"), Port = 8080 }, a),
            a =>
            {
                var cred = Assert.IsType<CredArgument>(a);
                Assert.Equal((1000u, 0u), (cred.Uid!.Value, cred.Euid!.Value));
                Assert.Equal(["CAP_SYS_ADMIN"], cred.Capabilities!.Permitted);
            },
            a => Assert.Equal(new CapabilityArgument(21, "CAP_SYS_ADMIN"), a),
            a => Assert.Equal(new UnknownArgument("bpf_attr_arg"), a));
    }

    [Fact]
    public void TryRead_Tracepoint_ReadsSubsystemEventPolicyAndTags()
    {
        var json = $$"""{"process_tracepoint":{"process":{{SomeTetragonEvent.Process()}},"subsys":"raw_syscalls","event":"sys_enter","args":[{"long_arg":"59"}],"policy_name":"syscalls","action":"KPROBE_ACTION_POST","message":"exec seen","tags":["observability.process"]},"node_name":"node-a","time":"{{SomeTetragonEvent.Time}}"}""";

        var e = ReadOne(json);

        Assert.Equal(TetragonEventType.ProcessTracepoint, e.Type);
        Assert.Equal(("raw_syscalls", "sys_enter"), (e.Probe!.Subsystem, e.Probe.EventName));
        Assert.Equal("syscalls", e.Probe.PolicyName);
        Assert.Equal("exec seen", e.Probe.Message);
        Assert.Equal(["observability.process"], e.Probe.Tags);
        Assert.Equal(59L, Assert.IsType<LongArgument>(Assert.Single(e.Probe.Args)).Value);
    }

    [Fact]
    public void TryRead_UprobeAndLsm_ReadTheirHookNames()
    {
        var uprobe = ReadOne($$"""{"process_uprobe":{"process":{{SomeTetragonEvent.Process()}},"path":"/usr/lib/libssl.so.3","symbol":"SSL_write","policy_name":"tls"},"time":"{{SomeTetragonEvent.Time}}"}""");
        var lsm = ReadOne($$"""{"process_lsm":{"process":{{SomeTetragonEvent.Process()}},"function_name":"bprm_check_security","action":2},"time":"{{SomeTetragonEvent.Time}}"}""");

        Assert.Equal(TetragonEventType.ProcessUprobe, uprobe.Type);
        Assert.Equal(("/usr/lib/libssl.so.3", "SSL_write"), (uprobe.Probe!.Path, uprobe.Probe.Symbol));
        Assert.Equal(TetragonEventType.ProcessLsm, lsm.Type);
        Assert.Equal("bprm_check_security", lsm.Probe!.FunctionName);
        Assert.Equal("2", lsm.Probe.Action);
    }

    [Fact]
    public void TryRead_ExitWithSignal_ReadsSignalAndStatus()
    {
        var e = ReadOne($$"""{"process_exit":{"process":{{SomeTetragonEvent.Process()}},"signal":"SIGKILL","status":137,"time":"2024-05-01T10:00:01Z"},"time":"{{SomeTetragonEvent.Time}}"}""");

        Assert.Equal(new TetragonExit { Signal = "SIGKILL", Status = 137, TimeUnixNanos = 1_714_557_601_000_000_000 }, e.Exit);
    }

    [Fact]
    public void TryRead_NewerProcessFields_ReadsNamespacesWorkloadClusterAndTid()
    {
        var process = SomeTetragonEvent.Process().Replace(
            "\"uid\":1000",
            "\"uid\":1000,\"tid\":4243,\"ns\":{\"net\":{\"inum\":4026531840,\"is_host\":true},\"pid\":{\"inum\":4026532200}},\"in_init_tree\":false,\"user\":{\"name\":\"app\"}",
            StringComparison.Ordinal);

        var e = ReadOne($$"""{"process_exec":{"process":{{process}},"ancestors":[{"binary":"/sbin/init","pid":1}]},"node_name":"node-a","cluster_name":"prod-eu","node_labels":{"zone":"eu-1"},"aggregation_info":{"count":"1"},"time":"{{SomeTetragonEvent.Time}}"}""");

        Assert.Equal("prod-eu", e.ClusterName);
        Assert.Equal("eu-1", e.NodeLabels!["zone"]);
        Assert.Equal(4243u, e.Process!.Tid);
        Assert.Equal(new TetragonNamespace(4026531840, true), e.Process.Namespaces!["net"]);
        Assert.Equal(new TetragonNamespace(4026532200, false), e.Process.Namespaces["pid"]);
        Assert.Equal(("cart", "Deployment"), (e.Process.Pod!.Workload, e.Process.Pod.WorkloadKind));
        Assert.Equal("/sbin/init", Assert.Single(e.Ancestors).Binary);
        Assert.Equal(1_714_557_600_123_456_789, e.TimeUnixNanos);
    }

    [Fact]
    public void TryRead_UnknownEventType_KeepsItsName()
    {
        var e = ReadOne($$"""{"process_loader":{"process":{{SomeTetragonEvent.Process()}},"path":"/lib/x.so"},"node_name":"node-a","time":"{{SomeTetragonEvent.Time}}"}""");

        Assert.Equal(TetragonEventType.Unknown, e.Type);
        Assert.Equal("process_loader", e.TypeName);
        Assert.Equal("/usr/bin/cart", e.Process!.Binary);
    }

    [Fact]
    public void TryRead_NullFields_ReadAsAbsent()
    {
        var e = ReadOne($$$"""{"process_exec":{"process":{"binary":"/bin/sh","pid":null,"pod":null}},"node_name":null,"time":"{{{SomeTetragonEvent.Time}}}"}""");

        Assert.Null(e.Process!.Pid);
        Assert.Null(e.Process.Pod);
        Assert.Null(e.NodeName);
    }
}

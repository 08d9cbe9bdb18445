using AutoShield.Core.Net;
using AutoShield.Ingestion.Tetragon;

namespace AutoShield.Ingestion.Tests.Tetragon;

public sealed class TetragonJsonReaderSampleTests
{
    [Fact]
    public void TryRead_EverySampleFile_ReadsAll43EventsWithoutErrors()
    {
        var events = new List<TetragonEvent>();
        foreach (var file in TetragonSamples.Files)
        {
            var (read, errors) = TetragonSamples.Read(TetragonSamples.Text(file));
            Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
            Assert.Equal(file == TetragonSamples.NdjsonEvents ? 3 : 1, read.Count);
            events.AddRange(read);
        }

        // The data README counts 42 files with itself; 41 hold events: 40 pretty-printed plus the 3-line NDJSON one.
        Assert.Equal(41, TetragonSamples.Files.Count);
        Assert.Equal(43, events.Count);
        var byType = events.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(21, byType[TetragonEventType.ProcessExec]);
        Assert.Equal(9, byType[TetragonEventType.ProcessExit]);
        Assert.Equal(5, byType[TetragonEventType.ProcessConnect]);
        Assert.Equal(4, byType[TetragonEventType.ProcessClose]);
        Assert.Equal(2, byType[TetragonEventType.ProcessKprobe]);
        Assert.Equal(2, byType[TetragonEventType.ProcessListen]);
        Assert.All(events, e => Assert.NotNull(e.Process?.Binary));
    }

    [Fact]
    public void TryRead_CurlExec_ReadsProcessPodAndParent()
    {
        var e = TetragonSamples.Single(TetragonSamples.GoldenExec);

        Assert.Equal(TetragonEventType.ProcessExec, e.Type);
        Assert.Equal("process_exec", e.TypeName);
        Assert.Equal("minikube", e.NodeName);
        Assert.Equal(1_642_609_741_861_000_000, e.TimeUnixNanos);
        var process = e.Process!;
        Assert.Equal("/usr/bin/curl", process.Binary);
        Assert.Equal("www.google.com", process.Arguments);
        Assert.Equal("/usr/share/elasticsearch/", process.Cwd);
        Assert.Equal("execve clone", process.Flags);
        Assert.Equal(115153u, process.Pid);
        Assert.Equal(0u, process.Uid);
        Assert.Equal(4294967295u, process.Auid);
        Assert.Equal("bWluaWt1YmU6MTA1NzU3MjgzNTAwNzk6MTE1MTUz", process.ExecId);
        Assert.Equal("bWluaWt1YmU6MTA1NTYwMTY4NzQzNTU6MTE0NzU3", process.ParentExecId);
        Assert.Equal("tenant-jobs", process.Pod!.Namespace);
        Assert.Equal("elasticsearch-56f8fc6988-pb8c7", process.Pod.Name);
        Assert.Equal("elasticsearch", process.Pod.Container!.Name);
        Assert.Equal("quay.io/isovalent/jobs-app-elasticsearch:latest", process.Pod.Container.ImageName);
        Assert.Equal(131u, process.Pod.Container.Pid);
        Assert.Equal(14, process.Capabilities!.Permitted.Count);
        Assert.Contains("CAP_NET_RAW", process.Capabilities.Effective);
        Assert.Equal("/bin/bash", e.Parent!.Binary);
        Assert.Equal(114757u, e.Parent.Pid);
        Assert.Null(e.Probe);
        Assert.Null(e.Socket);
    }

    [Fact]
    public void TryRead_WriteKprobe_ReadsFunctionAndTypedArguments()
    {
        var e = TetragonSamples.Single(TetragonSamples.GoldenKprobe);

        Assert.Equal(TetragonEventType.ProcessKprobe, e.Type);
        Assert.Equal("/usr/bin/vi", e.Process!.Binary);
        var probe = e.Probe!;
        Assert.Equal("__x64_sys_write", probe.FunctionName);
        Assert.Equal("KPROBE_ACTION_POST", probe.Action);
        Assert.Equal(3, probe.Args.Count);
        Assert.Equal("etc/passwd", Assert.IsType<FileArgument>(probe.Args[0]).Path);
        Assert.Equal(627, Assert.IsType<BytesArgument>(probe.Args[1]).Length);
        Assert.Equal(627ul, Assert.IsType<SizeArgument>(probe.Args[2]).Value);
    }

    [Fact]
    public void TryRead_ReadKprobe_ReadsTruncatedBytesArgument()
    {
        var probe = TetragonSamples.Single(TetragonSamples.CatKprobe).Probe!;

        Assert.Equal("__x64_sys_read", probe.FunctionName);
        var truncated = Assert.IsType<TruncatedBytesArgument>(probe.Args[1]);
        Assert.Equal(65536ul, truncated.OriginalSize);
        Assert.Equal(65536ul, Assert.IsType<SizeArgument>(probe.Args[2]).Value);
    }

    [Fact]
    public void TryRead_NcCloseWithoutByteCounts_ReadsStatsWithZeroBytes()
    {
        var e = TetragonSamples.Single(TetragonSamples.NcClose);

        var socket = e.Socket!;
        Assert.Equal(IpAddr.Parse("10.88.0.6"), socket.SourceIp);
        Assert.Equal(48416, socket.SourcePort);
        Assert.Equal(IpAddr.Parse("64.225.45.153"), socket.DestinationIp);
        Assert.Equal(443, socket.DestinationPort);
        Assert.Equal("TCP", socket.Protocol);
        var stats = socket.Stats!;
        Assert.Equal(1, stats.SegmentsIn);
        Assert.Equal(2, stats.SegmentsOut);
        Assert.Equal(1, stats.RetransmitSegments);
        Assert.Equal(0, stats.BytesSent);
        Assert.Equal(0, stats.BytesReceived);
        Assert.Equal("raiz3gjkgtfhkkc.not-reverse-shell.com 443", e.Process!.Arguments);
    }

    [Fact]
    public void TryRead_CurlClose_ReadsByteCountsExportedAsStrings()
    {
        var stats = TetragonSamples.Single(TetragonSamples.GoldenClose).Socket!.Stats!;

        Assert.Equal(78, stats.BytesSent);
        Assert.Equal(15221, stats.BytesReceived);
        Assert.Equal(14, stats.SegmentsIn);
        Assert.Equal(9, stats.SegmentsOut);
        Assert.Equal(699229, stats.Srtt);
    }

    [Fact]
    public void TryRead_Listen_ReadsListeningAddressAsSource()
    {
        var socket = TetragonSamples.Single(TetragonSamples.GoldenListen).Socket!;

        Assert.Equal(IpAddr.Parse("0.0.0.0"), socket.SourceIp);
        Assert.Equal(9080, socket.SourcePort);
        Assert.True(socket.DestinationIp.IsNone);
    }

    [Fact]
    public void TryRead_NsenterExec_ReadsArgumentsAndPrivilegedCapabilities()
    {
        var e = TetragonSamples.Single(TetragonSamples.Nsenter);

        Assert.Equal("/usr/bin/nsenter", e.Process!.Binary);
        Assert.Equal("-t 1 -m -u -n -i -p bash", e.Process.Arguments);
        Assert.Equal("execve rootcwd clone", e.Process.Flags);
        Assert.Equal("privileged-pod", e.Process.Pod!.Name);
        Assert.Equal("default", e.Process.Pod.Namespace);
        Assert.Contains("CAP_SYS_ADMIN", e.Process.Capabilities!.Effective);
        Assert.Null(e.Process.Pod.Container!.Pid);
    }

    [Fact]
    public void TryRead_TestdataNdjson_ReadsPodLabelsParentAndNanosecondTime()
    {
        var (events, errors) = TetragonSamples.Read(TetragonSamples.Text(TetragonSamples.NdjsonEvents));

        Assert.Empty(errors);
        Assert.Equal(3, events.Count);
        var tiefighter = events[0];
        Assert.Equal("my-node", tiefighter.NodeName);
        Assert.Null(tiefighter.TimeUnixNanos);
        Assert.Equal("/usr/bin/netserver", tiefighter.Process!.Binary);
        Assert.Equal("tiefighter", tiefighter.Process.Pod!.Name);
        Assert.Equal("tiefighter", tiefighter.Process.Pod.Labels["class"]);
        Assert.Equal("empire", tiefighter.Process.Pod.Labels["org"]);
        Assert.Equal("tiefighter", tiefighter.Process.Pod.Labels["app.kubernetes.io/name"]);
        Assert.Equal("docker.io/tgraf/netperf:latest", tiefighter.Process.Pod.Container!.ImageName);
        Assert.Equal("/usr/bin/containerd-shim-runc-v2", tiefighter.Parent!.Binary);
        Assert.Null(tiefighter.Parent.Pod);
        Assert.Equal("deathstar", events[1].Process!.Pod!.Labels["class"]);
        Assert.Equal(1_666_062_981_373_327_754, events[1].TimeUnixNanos);
    }

    [Fact]
    public void TryRead_HostProcessWithoutPod_LeavesPodNull()
    {
        var close = TetragonSamples.Single(TetragonSamples.MerlinJobClose);

        Assert.Null(close.Process!.Pod);
        Assert.Equal("a51959123c3ba99a9f50a700", close.Process.Docker);
        Assert.Equal(1, close.Socket!.Stats!.SocketDrops);
    }

    [Fact]
    public void TryRead_RepeatedValues_ShareOneStringInstance()
    {
        var (events, _) = TetragonSamples.Read(TetragonSamples.Text(TetragonSamples.GoldenExec) + TetragonSamples.Text(TetragonSamples.GoldenConnect));

        Assert.Same(events[0].Process!.Pod!.Namespace, events[1].Process!.Pod!.Namespace);
        Assert.Same(events[0].NodeName, events[1].NodeName);
    }
}

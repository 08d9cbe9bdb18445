using AutoShield.Benchmarks;
using AutoShield.Benchmarks.Peers;
using BenchmarkDotNet.Running;

if (args is ["inference-latency", .. var rest])
{
    return InferenceLatencyHarness.Run(rest);
}

if (args is ["pcap-peers", .. var pcapArgs])
{
    return PcapPeersHarness.Run(pcapArgs);
}

if (args is ["window-peers", .. var windowArgs])
{
    return WindowPeersHarness.Run(windowArgs);
}

if (args is ["scan-growth", .. var scanArgs])
{
    return ScanGrowthHarness.Run(scanArgs);
}

if (args is ["actuation-latency", .. var actuation])
{
    return ActuationLatencyHarness.Run(actuation);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

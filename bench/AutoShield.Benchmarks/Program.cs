using AutoShield.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["inference-latency", .. var rest])
{
    return InferenceLatencyHarness.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

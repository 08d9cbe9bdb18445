using AutoShield.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["inference-latency", .. var rest])
{
    return InferenceLatencyHarness.Run(rest);
}

if (args is ["actuation-latency", .. var actuation])
{
    return ActuationLatencyHarness.Run(actuation);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

"""PyTorch side of AutoShield's inference latency comparison (bench/AutoShield.Benchmarks InferenceLatencyHarness).

usage: torch_inference_latency.py REQUEST.json RESPONSE.json

Builds the PyTorch twin of the C# network (test/AutoShield.Detection.Tests/python/autoshield_torch.py), loads the
identical weights, and on ONE thread measures batch-1 latency per window (p50/p95/p99) and batch throughput on
the same normalised inputs the C# side used. Latency is by the wall clock; batch throughput also by the thread's
CPU clock, which leaves out the time other jobs on a shared machine held the core. It also returns the logits of those inputs so the harness can check
both sides computed the same thing.
"""
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "test", "AutoShield.Detection.Tests", "python"))

import torch  # noqa: E402

from autoshield_torch import build, load_state  # noqa: E402


def percentile(sorted_values, q):
    position = q * (len(sorted_values) - 1)
    lower = int(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    return sorted_values[lower] + (position - lower) * (sorted_values[upper] - sorted_values[lower])


def main(request_path, response_path):
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    model = build(request["architecture"])
    load_state(model, request["state"])
    model.eval()
    inputs = torch.tensor(request["inputs"]["values"], dtype=torch.float32).reshape(request["inputs"]["shape"])
    count = inputs.shape[0]
    iterations = request["iterations"]
    batch = request["batch"]
    rounds = request["rounds"]

    with torch.inference_mode():
        logits = model(inputs)
        singles = [inputs[i:i + 1] for i in range(count)]
        for i in range(min(iterations, 2000)):
            model(singles[i % count])
        wall = []
        for i in range(iterations):
            start = time.perf_counter_ns()
            model(singles[i % count])
            wall.append(time.perf_counter_ns() - start)

        repeats = (batch + count - 1) // count
        batch_inputs = inputs.repeat(repeats, 1, 1)[:batch].contiguous()
        for _ in range(3):
            model(batch_inputs)
        start_wall = time.perf_counter_ns()
        start_cpu = time.thread_time_ns()
        for _ in range(rounds):
            model(batch_inputs)
        elapsed_cpu = (time.thread_time_ns() - start_cpu) / 1e9
        elapsed_wall = (time.perf_counter_ns() - start_wall) / 1e9

    wall.sort()
    response = {
        "torchVersion": torch.__version__,
        "threads": torch.get_num_threads(),
        "logits": logits.reshape(-1).tolist(),
        "p50": percentile(wall, 0.50) / 1000,
        "p95": percentile(wall, 0.95) / 1000,
        "p99": percentile(wall, 0.99) / 1000,
        "batchWindowsPerSecond": batch * rounds / elapsed_wall,
        "batchWindowsPerCpuSecond": batch * rounds / elapsed_cpu,
    }
    with open(response_path, "w", encoding="utf-8") as f:
        json.dump(response, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

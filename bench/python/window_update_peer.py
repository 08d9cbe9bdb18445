#!/usr/bin/env python3
"""Peer for AutoShield's window store: the approach of the design write-up (seed 004), a per-pair dict of
collections.deque(maxlen=20) holding 12-feature rows, with the same feature maths as WindowStore (decayed
connection rate, running inter-arrival standard deviation, failed ratio, distinct destination ports), and a
numpy variant that keeps each pair's window in a 20 x 12 float32 ring. Prints one JSON object.

usage: window_update_peer.py CONNECTIONS.csv SPAN_NANOS [PASSES]
CONNECTIONS.csv (written by the harness): source,destination,start_ns,end_ns,port,syn,ack,rst,fin,sent,received,failed
Each pass replays the file shifted SPAN_NANOS later than the last, as the C# side does; the first pass (which
creates the pairs) is not timed.
"""
import collections
import json
import math
import sys
import time

import numpy as np

ROWS = 20
TAU_SECONDS = 1.0
NAN = float("nan")


class PairStats:
    __slots__ = ("total", "failed", "last_start", "rate", "mean", "m2", "ports")

    def __init__(self):
        self.total = 0
        self.failed = 0
        self.last_start = 0
        self.rate = 0.0
        self.mean = 0.0
        self.m2 = 0.0
        self.ports = set()


def accumulate(s, start, end, port, syn, ack, rst, fin, sent, received, failed):
    """Folds one connection into the pair's statistics and returns its 12-feature row."""
    inter_arrival = 0.0
    if s.total == 0:
        s.rate = 1.0
        s.last_start = start
    else:
        gap = (start - s.last_start) / 1e9 if start > s.last_start else 0.0
        inter_arrival = gap
        s.rate = s.rate * math.exp(-gap / TAU_SECONDS) + 1.0
        delta = gap - s.mean
        s.mean += delta / s.total
        s.m2 += delta * (gap - s.mean)
        if start > s.last_start:
            s.last_start = start
    s.ports.add(port)
    s.total += 1
    if failed:
        s.failed += 1
    intervals = s.total - 1
    return (
        s.rate,
        sent if sent >= 0 else NAN,
        received if received >= 0 else NAN,
        syn, ack, rst, fin,
        max(0, end - start) / 1e9,
        inter_arrival,
        math.sqrt(s.m2 / intervals) if intervals >= 2 else 0.0,
        s.failed / s.total,
        len(s.ports),
    )


class DequeWindows:
    """dict[(source, destination)] -> (PairStats, deque(maxlen=20) of row tuples)."""

    def __init__(self):
        self.pairs = {}

    def update(self, key, start, end, port, syn, ack, rst, fin, sent, received, failed):
        entry = self.pairs.get(key)
        if entry is None:
            entry = self.pairs[key] = (PairStats(), collections.deque(maxlen=ROWS))
        row = accumulate(entry[0], start, end, port, syn, ack, rst, fin, sent, received, failed)
        entry[1].append(row)
        return row


class NumpyWindows:
    """dict[(source, destination)] -> (PairStats, 20 x 12 float32 ring); the newest row overwrites the oldest."""

    def __init__(self):
        self.pairs = {}

    def update(self, key, start, end, port, syn, ack, rst, fin, sent, received, failed):
        entry = self.pairs.get(key)
        if entry is None:
            entry = self.pairs[key] = (PairStats(), np.zeros((ROWS, 12), dtype=np.float32))
        stats = entry[0]
        head = stats.total % ROWS
        row = accumulate(stats, start, end, port, syn, ack, rst, fin, sent, received, failed)
        entry[1][head] = row
        return row


def load(path):
    connections = []
    with open(path, encoding="ascii") as f:
        for line in f:
            p = line.rstrip("\n").split(",")
            connections.append(((p[0], p[1]), int(p[2]), int(p[3]), int(p[4]), int(p[5]), int(p[6]), int(p[7]),
                                int(p[8]), int(p[9]), int(p[10]), p[11] == "1"))
    return connections


def checksum(factory, connections):
    """Sum of the stateful features of every newest row over one pass, to compare with the C# side."""
    windows = factory()
    total = 0.0
    for key, start, end, port, syn, ack, rst, fin, sent, received, failed in connections:
        row = windows.update(key, start, end, port, syn, ack, rst, fin, sent, received, failed)
        total += row[0] + row[8] + row[9] + row[10] + row[11]
    return total


def measure(factory, connections, span, passes):
    windows = factory()
    best = float("inf")
    for p in range(passes + 1):
        offset = p * span
        update = windows.update
        started = time.perf_counter()
        for key, start, end, port, syn, ack, rst, fin, sent, received, failed in connections:
            update(key, start + offset, end + offset, port, syn, ack, rst, fin, sent, received, failed)
        elapsed = time.perf_counter() - started
        if p > 0:
            best = min(best, elapsed)
    return len(connections) / best


def main():
    connections = load(sys.argv[1])
    span = int(sys.argv[2])
    passes = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    print(json.dumps({
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "updates_per_pass": len(connections),
        "deque_updates_per_second": measure(DequeWindows, connections, span, passes),
        "numpy_updates_per_second": measure(NumpyWindows, connections, span, passes),
        "checksum": checksum(DequeWindows, connections),
        "numpy_checksum": checksum(NumpyWindows, connections),
    }))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Peer for AutoShield's pcap reader: dpkt reads a classic pcap and decodes Ethernet/IPv4/TCP into the fields
AutoShield extracts (time, addresses, ports, TCP flags, payload length). Prints one JSON object.

usage: dpkt_pcap_parse.py CAPTURE [ROUNDS]
The file is read into memory first, so every round measures parsing, not the disk.
"""
import io
import json
import socket
import sys
import time

import dpkt


def parse(data):
    packets = 0
    payload = 0
    syns = 0
    for ts, buf in dpkt.pcap.Reader(io.BytesIO(data)):
        eth = dpkt.ethernet.Ethernet(buf)
        ip = eth.data
        if not isinstance(ip, dpkt.ip.IP):
            continue
        tcp = ip.data
        if not isinstance(tcp, dpkt.tcp.TCP):
            continue
        # The same fields a FlowEvent carries; the address text is what AutoShield keeps as an IpAddr.
        fields = (ts, socket.inet_ntoa(ip.src), socket.inet_ntoa(ip.dst), tcp.sport, tcp.dport, tcp.flags, len(tcp.data))
        packets += 1
        payload += fields[6]
        if fields[5] & dpkt.tcp.TH_SYN:
            syns += 1
    return packets, payload, syns


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(path, "rb") as f:
        data = f.read()
    best = float("inf")
    result = None
    for _ in range(rounds):
        start = time.perf_counter()
        result = parse(data)
        best = min(best, time.perf_counter() - start)
    packets, payload, syns = result
    print(json.dumps({"dpkt": dpkt.__version__, "python": sys.version.split()[0], "packets": packets,
                      "payload_bytes": payload, "syn_packets": syns, "best_seconds": best}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Summarises the Server-Timing headers the what-if benchmark appended to a file (STEMSIM_BENCH_SERVER_TIMING=FILE):
per phase, the median and minimum of its wall and CPU milliseconds over the requests, in the order the server names
them. Usage: python3 bench/server-timing.py FILE [--skip N]  (--skip drops the first N requests: set-up and warm-up)."""
import re
import statistics
import sys


def main():
    args = sys.argv[1:]
    skip = 0
    if "--skip" in args:
        i = args.index("--skip")
        skip = int(args[i + 1])
        del args[i:i + 2]
    lines = [l for l in open(args[0], encoding="utf-8").read().splitlines() if l.strip()][skip:]
    phases = {}
    for line in lines:
        for part in line.split(", "):
            m = re.match(r'([\w-]+);dur=([\d.]+);desc="cpu ([\d.-]+) ms"', part.strip())
            if m:
                phases.setdefault(m.group(1), []).append((float(m.group(2)), float(m.group(3))))
    print(f"{len(lines)} requests")
    print(f"{'phase':<20} {'wall median':>12} {'wall min':>9} {'cpu median':>11} {'cpu min':>8}  (ms)")
    for name, values in phases.items():
        wall = [w for w, _ in values]
        cpu = [c for _, c in values]
        print(f"{name:<20} {statistics.median(wall):>12.1f} {min(wall):>9.1f} {statistics.median(cpu):>11.1f} {min(cpu):>8.1f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Per-thread CPU time of one command, sampled from /proc every 10 ms (Linux): each thread's name (as the kernel
truncates it to 15 characters), its CPU seconds (user + system) and when, counted from the start, it first and last
used CPU. Threads under 0.02 s are left out. Then the command's standard error (for --timings).

    python3 bench/thread-cpu.py src/Runner/bin/Release/net10.0/stemsim run scenarios/bench/ga-8-blocs.yaml --trials 1000000 --quiet --force --out /tmp/x --timings

The simulation's workers are `stemsim-worker-N`; the consumer that aggregates the blocks and writes trials/ runs on a
thread-pool thread (`.NET TP Worker`), as does the preloading; `.NET Tiered Com` is the JIT's background tier-1
compiler. Sampling misses the last 10 ms of a thread that ends before the process.

With --split first (`python3 bench/thread-cpu.py --split BUILD/stemsim run ...`) each thread's CPU is also split at
the moments the workers first use CPU and last exist: before the simulation, while the workers run, after them.
"""
import os, subprocess, sys, time
tick = os.sysconf("SC_CLK_TCK")
split = len(sys.argv) > 1 and sys.argv[1] == "--split"
command = sys.argv[2:] if split else sys.argv[1:]
start = time.perf_counter()
p = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
threads = {}
while p.poll() is None:
    now = time.perf_counter() - start
    try:
        for tid in os.listdir(f"/proc/{p.pid}/task"):
            try:
                with open(f"/proc/{p.pid}/task/{tid}/stat") as f:
                    s = f.read()
                name = s[s.index("(") + 1:s.rindex(")")]
                fields = s[s.rindex(")") + 2:].split()
                cpu = (int(fields[11]) + int(fields[12])) / tick
                t = threads.setdefault(tid, {"name": name, "cpu": 0, "first": None, "last": None, "seen": 0, "history": []})
                t["name"] = name
                t["seen"] = now
                t["history"].append((now, cpu))
                if cpu > t["cpu"]:
                    if t["first"] is None: t["first"] = now
                    t["last"] = now
                t["cpu"] = cpu
            except (FileNotFoundError, ProcessLookupError, ValueError):
                pass
    except FileNotFoundError:
        pass
    time.sleep(0.01)
wall = time.perf_counter() - start
err = p.stderr.read().decode()
print(f"wall {wall:.3f} s, load {os.getloadavg()[0]:.2f}")
for tid, t in sorted(threads.items(), key=lambda kv: -kv[1]["cpu"]):
    if t["cpu"] >= 0.02:
        print(f"  {t['name']:<18} cpu {t['cpu']:.2f} s  busy from {t['first']:.2f} to {t['last']:.2f} s")
workers = [t for t in threads.values() if t["name"].startswith("stemsim-worker") and t["first"] is not None]
if split and workers:
    begin = min(t["first"] for t in workers)
    end = max(t["seen"] for t in workers)

    def cpu_at(t, moment):
        value = 0
        for when, cpu in t["history"]:
            if when > moment:
                break
            value = cpu
        return value

    print(f"split at the workers' start {begin:.2f} s and end {end:.2f} s: before / during / after")
    totals = [0.0, 0.0, 0.0]
    for t in sorted(threads.values(), key=lambda t: -t["cpu"]):
        parts = [cpu_at(t, begin), cpu_at(t, end) - cpu_at(t, begin), t["cpu"] - cpu_at(t, end)]
        totals = [a + b for a, b in zip(totals, parts)]
        if t["cpu"] >= 0.02:
            print(f"  {t['name']:<18} {parts[0]:.2f} / {parts[1]:.2f} / {parts[2]:.2f} s")
    print(f"  {'all':<18} {totals[0]:.2f} / {totals[1]:.2f} / {totals[2]:.2f} s")
print(err.strip())

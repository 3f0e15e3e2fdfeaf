#!/usr/bin/env python3
"""Per-thread CPU time of one command, sampled from /proc every 10 ms (Linux): each thread's name (as the kernel
truncates it to 15 characters), its CPU seconds (user + system) and when, counted from the start, it first and last
used CPU. Threads under 0.02 s are left out. Then the command's standard error (for --timings).

    python3 bench/thread-cpu.py src/Runner/bin/Release/net10.0/stemsim run scenarios/bench/ga-8-blocs.yaml --trials 1000000 --quiet --force --out /tmp/x --timings

The simulation's workers are `stemsim-worker-N`; the consumer that aggregates the blocks and writes trials/ runs on a
thread-pool thread (`.NET TP Worker`), as does the preloading; `.NET Tiered Com` is the JIT's background tier-1
compiler. Sampling misses the last 10 ms of a thread that ends before the process.
"""
import os, subprocess, sys, time
tick = os.sysconf("SC_CLK_TCK")
start = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
                t = threads.setdefault(tid, {"name": name, "cpu": 0, "first": None, "last": None})
                t["name"] = name
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
print(err.strip())

#!/usr/bin/env python3
"""Times one stemsim command with two (or more) builds, alternating them run by run, so that both see the same load.

    python3 bench/compare-builds.py --runs 7 old=/tmp/old-build new=src/Runner/bin/Release/net10.0 -- run scenarios/ga-hrc-suspension-2026.yaml --trials 1000 --out /tmp/x --force --quiet

Each build is LABEL=FOLDER, the folder holding the `stemsim` apphost. Prints, per build, the median and minimum wall
time (start to exit) and CPU time (user + system of the process and its children, from getrusage), and the 1-minute
load average before and after. Runs from the repository root, so relative scenario paths work. A run that exits
non-zero is reported and stops the script: a failing command is not a timing.
"""
import argparse, os, resource, statistics, subprocess, sys, time


def main():
    if "--" not in sys.argv:
        sys.exit("usage: compare-builds.py [--runs N] LABEL=FOLDER ... -- stemsim arguments")
    split = sys.argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("builds", nargs="+")
    args = parser.parse_args(sys.argv[1:split])
    command = sys.argv[split + 1:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    builds = [b.split("=", 1) for b in args.builds]
    times = {label: [] for label, _ in builds}
    load_before = os.getloadavg()[0]
    for _ in range(args.runs):
        for label, folder in builds:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run = subprocess.run([os.path.join(os.path.abspath(folder), "stemsim")] + command, cwd=root,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if run.returncode != 0:
                sys.exit(f"{label}: exit {run.returncode}: {run.stderr.decode(errors='replace')[-400:]}")
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            times[label].append((wall, cpu))
    print(f"stemsim {' '.join(command)}: {args.runs} alternating runs, load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    for label, _ in builds:
        walls = [w for w, _ in times[label]]
        cpus = [c for _, c in times[label]]
        print(f"  {label:<8} wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f})"
              f"  cpu median {statistics.median(cpus):.3f} s (min {min(cpus):.3f})")


if __name__ == "__main__":
    main()

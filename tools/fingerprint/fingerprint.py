#!/usr/bin/env python3
"""Fingerprints of every shipped scenario's outputs, to show that a refactoring changed no number.

Runs each scenario in scenarios/ and scenarios/replays/ with a fixed seed and a small trial count through the built
Release runner and prints one line per output file: the SHA-256 of its data (for Parquet files the bytes before the
footer, which holds the creation time and git commit; for JSON files the whole text). Two builds whose fingerprints
match wrote the same values in the same encoding.

    python3 tools/fingerprint/fingerprint.py [--trials N] [--seed S] [--runner PATH] > fingerprints.txt

f84c481.txt is the baseline of the 2026-12-06 refactorings; main-2026-12-06.txt is main after them (the party
concerned in four scenarios, nullable summary columns, new statistics keys); main-2026-12-06-round2.txt is main after
the second round (analog kinds in every scenario with 'like:', concerned_party.parquet, canonical group names in the
election tables, the ceasefire drafts' record-model what-if, the provenance keys in --json); main-2026-12-06-round3.txt is main at
7a5825c (required strings and DATE columns, the measured analog shapes, the band in statistics.json);
main-2026-12-06-round4.txt is main after the fourth round (round 3's hashes, the trials at their new path), the
baseline for the next change; h5-ranges-population.txt is branch h5-ranges after the population draw (six scenarios
with same_subject or same_issue Assembly votes changed, the other nine identical to round 4). main-2026-12-07-round6.txt is branch h6-ranges
after the repeat's draw from its own votes (only scenarios with repeat Assembly votes changed; see the round-6 note in
docs/calibration.md). main-2026-12-07-round7.txt is branch h7-sameissue after the one-text jitter of a repeat (sd 0.1):
only drift-brics-2026-2035 and drift-eu-outreach-2026-2035, whose repeat analog A/RES/68/262 was voted once, changed.
Every file under a run folder is hashed, each part of a folder of parts on its own line: since one trials layout
serves every run, a run's trials are the line `trials/shard=0/part-0.parquet` (earlier baselines: `trials.parquet`,
the same bytes before the footer).
"""
import argparse, glob, hashlib, json, os, struct, subprocess, sys, tempfile


def parquet_data_hash(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 12 or data[-4:] != b"PAR1":
        return "not-parquet:" + hashlib.sha256(data).hexdigest()
    footer_length = struct.unpack("<I", data[-8:-4])[0]
    return hashlib.sha256(data[: len(data) - 8 - footer_length]).hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--runner", default=os.path.join(root, "src/Runner/bin/Release/net10.0/stemsim"))
    args = parser.parse_args()
    scenarios = sorted(glob.glob(os.path.join(root, "scenarios/*.yaml")) + glob.glob(os.path.join(root, "scenarios/replays/*.yaml")))
    with tempfile.TemporaryDirectory() as work:
        for scenario in scenarios:
            name = os.path.relpath(scenario, root)
            out = os.path.join(work, os.path.basename(scenario) + ".run")
            # The path as given is recorded (stemsim.scenario_file, in --json); relative to the checkout, so that two
            # checkouts in different folders fingerprint alike.
            run = subprocess.run([args.runner, "run", name, "--trials", str(args.trials), "--seed", str(args.seed),
                                  "--out", out, "--quiet", "--json"], capture_output=True, text=True, cwd=root)
            if run.returncode != 0:
                print(f"{name}\tEXIT {run.returncode}\t{run.stderr.strip().splitlines()[-1:]}")
                continue
            summary = json.loads(run.stdout)
            for key in ("output", "seconds", "created_utc", "git_commit"):
                summary.pop(key, None)
            print(f"{name}\t--json\t{hashlib.sha256(json.dumps(summary, sort_keys=True).encode()).hexdigest()}")
            for path in sorted(glob.glob(os.path.join(out, "**", "*"), recursive=True)):
                if os.path.isdir(path):
                    continue
                rel = os.path.relpath(path, out)
                if path.endswith(".parquet"):
                    digest = parquet_data_hash(path)
                elif path.endswith(".json"):
                    with open(path, "rb") as f:
                        digest = hashlib.sha256(f.read()).hexdigest()
                else:
                    continue
                print(f"{name}\t{rel}\t{digest}")


if __name__ == "__main__":
    sys.exit(main())

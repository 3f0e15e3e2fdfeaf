#!/bin/bash
# The what-if benchmark of two built trees, alternating (old, new, old, new, ...): BenchmarkDotNet's job in process
# (nothing is built, so an old tree is only read), then --cputime, each with the load average. Build both first:
# dotnet build bench -c Release. The new tree's Server-Timing headers go to ARTIFACTS/timing-new-PASS.txt (summarise
# with python3 bench/server-timing.py FILE --skip 1).
# Usage: bash bench/compare-serve.sh OLD_ROOT NEW_ROOT ARTIFACTS [PASSES] [JOB]
#   e.g. bash bench/compare-serve.sh /work/main . /tmp/serve-compare 2 medium
set -u
old=$1 new=$2 artifacts=$3 passes=${4:-2} job=${5:-short}
mkdir -p "$artifacts"
for p in $(seq 1 "$passes"); do
  for build in old new; do
    if [ "$build" = old ]; then root=$old; else root=$new; fi
    echo "=== pass $p $build ($root) $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "$root" && dotnet bench/bin/Release/net10.0/StemSimulator.Bench.dll --filter '*WhatIf100kGeneralAssemblyTrials*' \
      --job "$job" --inProcess --artifacts "$artifacts/bdn-$build-$p" 2>&1 | grep -E "^\| *(Method|WhatIf)")
    echo "--- cputime $build $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "$root" && STEMSIM_BENCH_SERVER_TIMING="$artifacts/timing-$build-$p.txt" \
      dotnet bench/bin/Release/net10.0/StemSimulator.Bench.dll --cputime WhatIf100k --rounds 15 2>&1 | tail -2 | head -1)
  done
done
echo "=== end $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"

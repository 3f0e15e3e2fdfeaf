#!/usr/bin/env bash
# Writes tools/r2r-profile/stemsim.mibc, the profile crossgen2 reads for the Release build folder (bench/README.md,
# "Cold start, fifth round"): every method the JIT compiles in a few short commands of a build WITHOUT the profile.
#
#   dotnet build src/Runner -c Release -p:StemsimReadyToRunProfile=false
#   cp -r src/Runner/bin/Release/net10.0 /tmp/stemsim-noprofile
#   bash tools/r2r-profile/make-profile.sh /tmp/stemsim-noprofile
#   dotnet build src/Runner -c Release        # the folder again, now with the new profile
#
# A build with the profile would not log the methods the profile already precompiles, so the logs must come from one
# without it. Each command runs twice, because what the JIT compiles depends a little on the threads' timing.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
# The runtime's JIT log aborts a run now and then (glibc "free(): corrupted unsorted chunks", 1-2 runs in 15 of a
# 1,000-trial run, main's build of the day before as well: the log is written from every compiling thread); a run
# that fails is run again, up to three times.
log() {
  n=$((n + 1))
  for _ in 1 2 3; do
    if DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$work/jit-$n.txt" "$build/stemsim" "$@" > /dev/null 2>&1; then
      return
    fi
  done
  echo "stemsim $* failed three times with the JIT's log on" >&2
  exit 1
}
for _ in 1 2; do
  log --version
  log validate scenarios/ga-hrc-suspension-2026.yaml
  log validate scenarios/bench/ga-8-blocs.yaml
  log run scenarios/ga-hrc-suspension-2026.yaml --trials 1000 --quiet --force --out "$work/run"
  log run scenarios/bench/ga-8-blocs.yaml --trials 1000 --quiet --force --out "$work/run"
done
dotnet run --project tools/r2r-profile -c Release -- "$build" tools/r2r-profile/stemsim.mibc "$work"/jit-*.txt 2> "$work/unresolved.txt"
echo "$(wc -l < "$work/unresolved.txt") log lines not resolved (dynamic code, compiled regular expressions, framework internals)"

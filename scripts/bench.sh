#!/usr/bin/env bash
# Allocation benchmark: builds the release and prints one row per generated fair.
# Each fair runs in its own process so "RSS MiB" is that fair's peak resident memory.
# time ms = median of --repeat solves; replan ms = median/p90/p99 of single-event re-plans repaired
# by the Replanner ("Rn": n of them solved from scratch), the full rebuild on the next row, and
# "N<" the re-plans that scored below a full re-solve with the same promises;
# CBC = the same model as a MIP, solved by Debian's coinor-cbc (a * marks a time-limited result);
# idle = total idle minutes (second objective), idle LB = a bound for the schedule's pairs,
# CBC idle = least idle CBC finds at our score ("idle*>=bound" when cut short), pairs = the same
# with our (student, booth) pairs fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target bench_allocation >/dev/null
bench=build/bin/bench_allocation
cbc_limit=${CBC_TIME_LIMIT:-300}
# The idle MIPs are much harder than the score MIP: seed scale only, CBC_IDLE_TIME_LIMIT each.
idle_limit=${CBC_IDLE_TIME_LIMIT:-600}

echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | xargs)"
"$bench" --header
"$bench" --scale 1  --tightness normal --repeat 21 --replans 100 --compare-replans --cbc "$cbc_limit" --cbc-idle "$idle_limit"
"$bench" --scale 1  --tightness normal --repeat 3 --replans 100 --full-replans
"$bench" --scale 1  --tightness tight  --repeat 21 --replans 100 --compare-replans --cbc "$cbc_limit" --cbc-idle "$idle_limit"
"$bench" --scale 1  --tightness loose  --repeat 21 --replans 100 --compare-replans --cbc "$cbc_limit" --cbc-idle "$idle_limit"
"$bench" --scale 1  --tightness normal --fixed 100 --repeat 21 --replans 100 --compare-replans --cbc "$cbc_limit"
"$bench" --scale 3  --tightness normal --repeat 9 --cbc "$cbc_limit"
"$bench" --scale 3  --tightness loose  --fixed 300 --repeat 9
"$bench" --scale 10 --tightness normal --repeat 5 --replans 50 --compare-replans --cbc "$cbc_limit"
"$bench" --scale 10 --tightness normal --repeat 1 --replans 50 --full-replans
"$bench" --scale 10 --tightness tight  --repeat 5
"$bench" --scale 10 --tightness loose  --fixed 1000 --repeat 5
"$bench" --scale 30 --tightness normal --repeat 3
"$bench" --scale 30 --tightness loose  --repeat 3

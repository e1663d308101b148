#!/usr/bin/env bash
# Load benchmark of the fair server (issues 4, 15): 10 kiosks check in the demo fair's 800 students
# in a burst while 30 booth and 2 dashboard event streams are open (and 0, 300, 2,000 more), on
# loopback, against the real
# server started in-process. Runs it 3 times and prints each run's figures and their medians.
#
#   bash scripts/load.sh                    # builds the release preset (build/) first
#   LOAD_BUILD_DIR=build-x bash scripts/load.sh   # uses an already configured Release build
#   LOAD_RUNS=5 bash scripts/load.sh        # more runs; extra arguments go to load_server
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${LOAD_RUNS:-3}

if [[ -n "${LOAD_BUILD_DIR:-}" ]]; then
  build_dir=$LOAD_BUILD_DIR
  cmake --build "$build_dir" -j"$(nproc)" --target load_server >/dev/null
else
  bash scripts/setup.sh >/dev/null
  cmake --preset release >/dev/null
  cmake --build --preset release -j"$(nproc)" --target load_server >/dev/null
  build_dir=build
fi
tool=$build_dir/bin/load_server
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt")

echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | xargs); build: ${build_type:-unknown}"
# Each figure with 0, 300 and 2,000 extra organizer streams open through the burst (issue 15):
# streams must not cost the check-ins. LOAD_IDLE_STREAMS="0 2000" picks others.
measure() {
idle=$1
shift
summaries=()
for run in $(seq 1 "$runs"); do
  echo "--- run $run of $runs"
  output=$("$tool" --summary-line --idle-streams "$idle" "$@")
  grep -v '^LOAD ' <<<"$output"
  summaries+=("$(grep '^LOAD ' <<<"$output")")
done

# Medians over the runs, per figure (each run's LOAD line holds key=value pairs).
printf '%s\n' "${summaries[@]}" | awk -v runs="$runs" -v idle="$idle" '
  {
    for (i = 2; i <= NF; i++) {
      split($i, pair, "=")
      values[pair[1], NR] = pair[2]
      if (NR == 1) keys[++key_count] = pair[1]
    }
  }
  function median(key,    n, i, j, sorted, swap) {
    n = NR
    for (i = 1; i <= n; i++) sorted[i] = values[key, i] + 0
    for (i = 1; i <= n; i++)
      for (j = i + 1; j <= n; j++)
        if (sorted[j] < sorted[i]) { swap = sorted[i]; sorted[i] = sorted[j]; sorted[j] = swap }
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
  }
  function verdict(value, target) { return value <= target ? "PASS" : "MISS" }
  END {
    printf "\n=== median of %d runs, %d extra streams open\n", runs, idle
    printf "%-34s %9s %9s %9s %9s  %s\n", "measure", "p50", "p90", "p99", "max", "target"
    printf "%-34s %9.1f %9.1f %9.1f %9.1f  p99 <= 50 ms %s\n", "check-in latency ms",
      median("checkin_p50"), median("checkin_p90"), median("checkin_p99"), median("checkin_max"),
      verdict(median("checkin_p99"), 50)
    printf "%-34s %9.1f %9s %9.1f %9.1f  p99 <= 100 ms %s\n", "delivery ms (from check-in sent)",
      median("delivery_p50"), "-", median("delivery_p99"), median("delivery_max"),
      verdict(median("delivery_p99"), 100)
    printf "%-34s %9.1f %9s %9.1f %9.1f  (stream path alone)\n", "delivery ms (after answer)",
      median("after_answer_p50"), "-", median("after_answer_p99"), median("after_answer_max")
    printf "check-ins %d, throughput %.1f check-ins/s, errors %d, missing deliveries %d\n",
      median("count"), median("throughput"), median("errors"), median("missing")
    printf "LOADMEDIAN idle=%d checkin_p99=%.1f\n", idle, median("checkin_p99")
  }'
}

medians=()
for idle in ${LOAD_IDLE_STREAMS:-0 300 2000}; do
  result=$(measure "$idle" "$@")
  grep -v '^LOADMEDIAN ' <<<"$result"
  medians+=("$(grep '^LOADMEDIAN ' <<<"$result")")
done
echo
echo "=== check-in p99 by streams open (ratio to the first)"
printf '%s\n' "${medians[@]}" | awk '{
  split($2, a, "="); split($3, b, "="); if (NR == 1) base = b[2]
  printf "%6d streams: check-in p99 %7.1f ms  x%.2f\n", a[2], b[2], (base > 0 ? b[2] / base : 0) }'

#!/usr/bin/env bash
# Load benchmark of the fair server (issues 4, 15): 10 kiosks check in the demo fair's 800 students
# in a burst while 30 booth and 2 dashboard event streams are open, on loopback, against the real
# server started in-process; then again with 300 and 2,000 more organizer streams (each receives
# every event in full: the worst case), with 2,000 more board streams (every event in outline:
# what hall screens and phones hold), and during a slow-header flood (1,000 connections from
# 127.0.0.2... sending their heads a byte a second). Each case runs 3 times; the medians are
# printed, and the check-in p99 of each case as a ratio to the case with no extra streams.
#
#   bash scripts/load.sh                    # builds the release preset (build/) first
#   LOAD_BUILD_DIR=build-x bash scripts/load.sh   # uses an already configured Release build
#   LOAD_RUNS=5 bash scripts/load.sh        # more runs; extra arguments go to load_server
#   LOAD_CASES="none 2000" LOAD_TOOL=/tmp/load_server-before bash scripts/load.sh   # some cases,
#                                           # with a given binary
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${LOAD_RUNS:-3}

if [[ -n "${LOAD_TOOL:-}" ]]; then
  # A load_server built elsewhere (a copy from before a change, to compare in the same hour).
  tool=$LOAD_TOOL
  build_type="$LOAD_TOOL"
elif [[ -n "${LOAD_BUILD_DIR:-}" ]]; then
  build_dir=$LOAD_BUILD_DIR
  cmake --build "$build_dir" -j"$(nproc)" --target load_server >/dev/null
else
  bash scripts/setup.sh >/dev/null
  cmake --preset release >/dev/null
  cmake --build --preset release -j"$(nproc)" --target load_server >/dev/null
  build_dir=build
fi
if [[ -z "${LOAD_TOOL:-}" ]]; then
  tool=$build_dir/bin/load_server
  build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt")
fi

echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | xargs); build: ${build_type:-unknown}"
# One case: its label, then load_server's arguments; 3 runs and their medians.
measure() {
label=$1
shift
summaries=()
for run in $(seq 1 "$runs"); do
  echo "--- $label: run $run of $runs"
  output=$("$tool" --summary-line "$@")
  grep -v '^LOAD ' <<<"$output"
  summaries+=("$(grep '^LOAD ' <<<"$output")")
done

# Medians over the runs, per figure (each run's LOAD line holds key=value pairs).
printf '%s\n' "${summaries[@]}" | awk -v runs="$runs" -v label="$label" '
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
    printf "\n=== median of %d runs: %s\n", runs, label
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
    printf "extra streams: %.1f MB read, %d closed by the server; slow connections held %d\n",
      median("idle_mb"), median("idle_closed"), median("flood_held")
    printf "LOADMEDIAN %.1f %.1f %.1f %s\n", median("checkin_p99"), median("throughput"),
      median("delivery_p99"), label
  }'
}

# Streams must not cost the check-ins (issue 15: 2,000 open keep the p99 within 2x of none),
# nor must a slow-header flood. LOAD_CASES="none 2000" picks some: none, 300, 2000, board2000,
# flood.
medians=()
for case in ${LOAD_CASES:-none 300 2000 board2000 flood}; do
  case $case in
    none) result=$(measure "no extra streams" "$@") ;;
    300) result=$(measure "300 organizer streams" --idle-streams 300 "$@") ;;
    2000) result=$(measure "2,000 organizer streams" --idle-streams 2000 "$@") ;;
    board2000) result=$(measure "2,000 board streams" --idle-streams 2000 --idle-role board "$@") ;;
    flood) result=$(measure "slow-header flood, 1,000 connections" --slow-header-flood 1000 "$@") ;;
    *) echo "unknown case $case" >&2; exit 2 ;;
  esac
  grep -v '^LOADMEDIAN ' <<<"$result"
  medians+=("$(grep '^LOADMEDIAN ' <<<"$result")")
done
echo
echo "=== check-in p99 by case, medians of $runs runs (ratio to the first case)"
printf '%s\n' "${medians[@]}" | awk '{
  if (NR == 1) base = $2
  label = $5; for (i = 6; i <= NF; i++) label = label " " $i
  printf "%-40s check-in p99 %7.1f ms  x%.2f   %7.1f check-ins/s   delivery p99 %7.1f ms\n",
    label, $2, (base > 0 ? $2 / base : 0), $3, $4 }'

#!/usr/bin/env bash
# The organizer's workbook at the seed fair's size (800 students) and at x30 (24,000): builds
# the release, exports each generated fair to .xlsx, then prints the median wall time of export,
# of import into an instance (the whole check included) and of import into a new database, over
# RUNS runs each (default 5), and the workbook's size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target jobfair >/dev/null
bin=$PWD/build/bin
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Median wall milliseconds of running "$@" $runs times (after one warm-up).
median_ms() {
    "$@" >/dev/null 2>&1
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | xargs); median of $runs runs"
printf '%-8s %9s %10s %10s %12s %12s\n' scale students "xlsx KiB" "export ms" "import ms" "import-db ms"
for scale in 1 30; do
    "$bin/jobfair" generate --scale "$scale" --fixed $((10 * scale)) --no-students-csv \
        -o "$work/fair-$scale.json" >/dev/null
    export_ms=$(median_ms "$bin/jobfair" sheets export "$work/fair-$scale.json" -o "$work/fair-$scale.xlsx")
    import_ms=$(median_ms "$bin/jobfair" sheets import "$work/fair-$scale.xlsx" -o "$work/back-$scale.json")
    db_ms=$(median_ms sh -c "rm -f '$work/db-$scale.db'* && '$bin/jobfair' sheets import '$work/fair-$scale.xlsx' --db '$work/db-$scale.db'")
    cmp -s <(python3 -m json.tool "$work/fair-$scale.json") <(python3 -m json.tool "$work/back-$scale.json") ||
        { echo "scale $scale: the imported instance differs from the exported one"; exit 1; }
    printf '%-8s %9s %10s %10s %12s %12s\n' "x$scale" $((800 * scale)) \
        $(($(stat -c %s "$work/fair-$scale.xlsx") / 1024)) "$export_ms" "$import_ms" "$db_ms"
done

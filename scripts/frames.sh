#!/usr/bin/env bash
# Frame-time benchmark of the GUI programs (not a test: it prints figures, it fails nothing).
# Builds the release (build/), starts `jobfair serve --demo` with a simulated morning up to 09:30,
# then runs each GUI program under xvfb-run (Mesa's software OpenGL: no GPU counted on) RUNS
# times (default 3) and prints the median over the runs of each figure the program reports itself
# (kiosk/ui/frame_stats: median/p90/max frame time, launch to first frame, resident memory).
#
#   bash scripts/frames.sh                      # every GUI program whose binary is in build/bin
#   RUNS=5 PROGRAMS="kiosk board" bash scripts/frames.sh
#
# A program is measured when build/bin/jobfair-NAME exists (jobfair-booth and jobfair-dashboard
# are built with the release when their CMake targets exist). Targets: frame <= 16 ms (judged on
# the median and on p90), launch to first frame <= 1 s, RSS <= 150 MB. Programs that print frame
# times per screen ("frames SCREEN: ...") get a row per screen. Raw output: build/frames/.
# shellcheck disable=SC2016  # bench's args are single-quoted on purpose: evaluated per run
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
wanted=${PROGRAMS:-kiosk board booth dashboard}
for tool in xvfb-run curl python3; do
    command -v "$tool" >/dev/null || { echo "frames.sh: $tool is not installed (bash scripts/setup.sh)" >&2; exit 1; }
done

cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target jobfair jobfair-kiosk jobfair-board >/dev/null
# The booth station and the dashboard, when the release knows their targets; a program that does
# not build yet is left out, not fatal.
known_targets=$(cmake --build --preset release --target help)
for optional in booth dashboard; do
    [[ " $wanted " == *" $optional "* ]] || continue
    grep -Eq "(^\.\.\. |^)jobfair-$optional(:|\$)" <<<"$known_targets" || continue
    cmake --build --preset release -j"$(nproc)" --target "jobfair-$optional" >/dev/null 2>&1 ||
        echo "frames.sh: jobfair-$optional does not build; measuring the binary already in build/bin, if any" >&2
done
bin=$PWD/build/bin
out=$PWD/build/frames
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d /tmp/jobfair-frames.XXXXXX)
server_pid=
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The fair: the demo, a simulated morning from 07:30 to 09:30 (check-ins, walk-ins, interviews,
# calls), the clock then standing still.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
password="frames-$$-$RANDOM"
printf '%s\n' "$password" >"$work/password"
JOBFAIR_ORGANIZER_PASSWORD="$password" "$bin/jobfair" serve --db "$work/fair.db" --demo \
    --listen "127.0.0.1:$port" --clock-start 07:30 --clock-speed 0 >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do curl -sf "$base/api/v1/hello" >/dev/null && break; sleep 0.1; done
curl -sf "$base/api/v1/hello" >/dev/null || { echo "frames.sh: the server did not start" >&2; cat "$out/server.log" >&2; exit 1; }
"$bin/jobfair" simulate --server "127.0.0.1:$port" --password "$password" --db "$work/fair.db" \
    --speed 0 --until 09:30 >"$out/simulate.log" 2>&1
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
organizer=$(curl -sf -X POST "$base/api/v1/auth/login" -d "{\"password\": \"$password\"}" | json_field '["token"]')
enrol() {  # $1: kiosk or board, or booth_station and $2 its booth; prints a fresh device code
    local booth=""
    [[ -n "${2:-}" ]] && booth=", \"booth\": \"$2\""
    curl -sf -X POST "$base/api/v1/admin/enrolment-codes" -H "Authorization: Bearer $organizer" \
        -d "{\"role\": \"$1\", \"device_name\": \"frames $1 $RANDOM\"$booth}" | json_field '["code"]'
}
booth_pin() {  # $1: a booth; prints a fresh PIN
    curl -sf -X POST "$base/api/v1/admin/booths/$1/pin" -H "Authorization: Bearer $organizer" -d "{}" | json_field '["pin"]'
}

# bench NAME WxH ARGS...: RUNS runs of build/bin/jobfair-NAME --server URL --size WxH ARGS...,
# each in a fresh folder ($run, set before ARGS are expanded: ARGS are given single-quoted and
# evaluated per run, so each run enrols afresh). A run's figures are its last "frames N: median"
# line (ui::describe).
printf '%-10s %-10s %7s %10s %8s %8s %10s %8s  %s\n' program size frames "median ms" "p90 ms" \
    "max ms" "launch ms" "RSS MB" "targets: frame <= 16 ms, launch <= 1000 ms, RSS <= 150 MB"
bench() {
    local name=$1 size=$2 args=$3
    [[ " $wanted " == *" $name "* && -x "$bin/jobfair-$name" ]] || return 0
    local width=${size%x*} height=${size#*x} i
    for ((i = 1; i <= runs; i++)); do
        run="$out/$name-$i"
        mkdir -p "$run"
        local command
        eval "command=(\"$bin/jobfair-$name\" --server \"$base\" --size $size $args)"
        if ! xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 ${width}x${height}x24" \
            "${command[@]}" >"$run/output.txt" 2>&1; then
            echo "frames.sh: jobfair-$name run $i failed; see $run/output.txt" >&2
        fi
    done
    python3 - "$name" "$size" "$out" "$runs" <<'EOF'
import re, statistics, sys
name, size, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# ui::describe(): the whole run. "frames SCREEN: N frames, median ..." lines: one screen's frames
# (jobfair-kiosk --script bench, jobfair-dashboard's script).
whole = re.compile(r"^frames (\d+): median ([\d.]+) ms, p90 ([\d.]+) ms, max ([\d.]+) ms"
                   r"(?:; first frame (\d+) ms after launch)?(?:; resident ([\d.]+) MiB)?")
screen = re.compile(r"^frames (.+?): (\d+) frames, median ([\d.]+) ms, "
                    r"p90 ([\d.]+) ms, max ([\d.]+) ms")
figures, screens = [], {}
for i in range(1, runs + 1):
    found = None
    for text in open(f"{out}/{name}-{i}/output.txt", errors="replace"):
        text = text.strip()
        if match := whole.match(text):
            found = match
        elif match := screen.match(text):
            label = match[1].split(" (")[0]  # "login (the floor: ...)" -> "login"
            screens.setdefault(label, []).append([float(x) for x in match.groups()[1:]])
    if found:
        frames, median, p90, peak, launch, rss = found.groups()
        figures.append((int(frames), float(median), float(p90), float(peak),
                        float(launch) if launch else float("nan"),
                        float(rss) * 1.048576 if rss else float("nan")))
if not figures:
    print(f"{name:<10} {size:<10} no figures (see {out}/{name}-*/output.txt)")
    sys.exit(0)
m = [statistics.median(column) for column in zip(*figures)]
mark = lambda ok: "ok" if ok else "MISS"
print(f"{name:<10} {size:<10} {m[0]:7.0f} {m[1]:10.1f} {m[2]:8.1f} {m[3]:8.1f} {m[4]:10.0f} "
      f"{m[5]:8.1f}  frame median {mark(m[1] <= 16)}, p90 {mark(m[2] <= 16)}; "
      f"launch {mark(m[4] <= 1000)}; RSS {mark(m[5] <= 150)}  ({len(figures)} of {runs} runs)")
for label, rows in screens.items():
    s = [statistics.median(column) for column in zip(*rows)]
    print(f"  {label:<19} {s[0]:7.0f} {s[1]:10.1f} {s[2]:8.1f} {s[3]:8.1f}")
EOF
}

# One line per program (the args are evaluated for each run, in its folder $run).
bench kiosk     1080x1920 '--device-code "$(enrol kiosk)" --outbox "$run/outbox.db" --screenshot-dir "$run" --script bench'
bench board     1920x1080 '--device-code "$(enrol board)" --token-file "$run/board.token" --no-chime --screenshot "$run/board.png"'
bench booth     1920x1080 '--booth B07 --device-code "$(enrol booth_station B07)" --token-file "$run/station.token" --pin "$(booth_pin B07)" --screenshot "$run/booth.png"'
bench dashboard 1920x1080 '--password-file "$work/password" --export-dir "$run/exports" --screenshot-dir "$run" --script all'
renderer="Xvfb, Mesa software OpenGL"
if command -v glxinfo >/dev/null; then
    renderer="Xvfb, $(xvfb-run -a -n $((100 + RANDOM % 800)) glxinfo -B 2>/dev/null | sed -n 's/.*OpenGL renderer string: //p')"
fi
echo "machine: $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | xargs), $renderer; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of $runs runs; raw output in $out/"

#!/usr/bin/env bash
# A USB scanner's speed, through the real X server: the real jobfair-kiosk, connected to a real
# `jobfair serve`, idle on its scan screen under Xvfb, receives every ticket as real X key events
# (xdotool, DELAY_MS per key and Enter, as a scanner types), one ticket every GAP seconds, so most
# scans land while the last student's result is still showing. Every ticket must be checked in:
# the server's database holds each student once. Part of the run has both cores busy (LOAD).
#   tests/gui/kiosk_scanner.sh BUILD_BIN_DIR [OUT_DIR] [SCANS] [DELAY_MS] [GAP]
# Defaults: 500 scans, 2 ms per key, 0.5 s between tickets. Prints the figures and leaves
# scanner-last.png (the screen after the last scan) in OUT_DIR.
# Needs xvfb-run, xdotool, sqlite3, curl, python3; exits 77 (ctest's "skipped") without one.
set -euo pipefail

bin_dir=$(realpath "${1:?usage: kiosk_scanner.sh BUILD_BIN_DIR [OUT_DIR] [SCANS] [DELAY_MS] [GAP]}")
out_dir=${2:-$(mktemp -d /tmp/jobfair-kiosk-scanner.XXXXXX)}
scans=${3:-500}
delay_ms=${4:-2}
gap=${5:-0.5}
for tool in xvfb-run Xvfb xdotool sqlite3 curl python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (apt-get install xvfb xdotool sqlite3 curl python3)"
        exit 77
    fi
done
mkdir -p "$out_dir"
out_dir=$(realpath "$out_dir")
work=$(mktemp -d /tmp/jobfair-scanner-run.XXXXXX)
server_pid= kiosk_pid= xvfb_pid= load_pids=()
cleanup() {
    for pid in "${load_pids[@]}" "$kiosk_pid" "$server_pid" "$xvfb_pid"; do
        [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    done
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for log in kiosk server; do
        [[ -s "$out_dir/$log.log" ]] && { echo "--- last lines of $log.log"; tail -n 20 "$out_dir/$log.log"; }
    done
    exit 1
}

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export JOBFAIR_ORGANIZER_PASSWORD="scanner-organizer-password"
"$bin_dir/jobfair" serve --db "$work/fair.db" --demo --listen "127.0.0.1:$port" \
    --clock-start 08:00 --clock-speed 0 >"$out_dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do
    curl -sf "$base/api/v1/hello" >/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || fail "the server died while starting"
    sleep 0.1
done
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
organizer=$(curl -sf -X POST "$base/api/v1/auth/login" -d "{\"password\": \"$JOBFAIR_ORGANIZER_PASSWORD\"}" | json_field '["token"]')
code=$(curl -sf -X POST "$base/api/v1/admin/enrolment-codes" -H "Authorization: Bearer $organizer" \
    -d '{"role": "kiosk", "device_name": "Kiosk 1"}' | json_field '["code"]')
students=$(sqlite3 "$work/fair.db" "SELECT id FROM students ORDER BY id LIMIT $scans;")
[[ $(wc -l <<<"$students") -eq $scans ]] || fail "the demo fair has fewer than $scans students"
: >"$work/tickets"
for student in $students; do
    curl -sf "$base/api/v1/students/$student/ticket" -H "Authorization: Bearer $organizer" |
        json_field '["ticket"]' >>"$work/tickets"
done

# Our own X server, so xdotool types into the kiosk's display.
display=":$((100 + RANDOM % 800))"
Xvfb "$display" -screen 0 1080x1920x24 -nolisten tcp >"$out_dir/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
"$bin_dir/jobfair-kiosk" --server "$base" --device-code "$code" --lang vi --size 1080x1920 \
    --outbox "$work/outbox.db" --snapshot-file "$out_dir/scanner-last.png" >"$out_dir/kiosk.log" 2>&1 &
kiosk_pid=$!
# Connected: the kiosk has enrolled (its token file) and shows its scan screen.
for _ in $(seq 600); do
    [[ -s "$work/outbox.db.token" ]] && break
    kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended while starting"
    sleep 0.1
done
[[ -s "$work/outbox.db.token" ]] || fail "the kiosk did not enrol within 60 s"
window=$(xdotool search --sync --pid "$kiosk_pid" | head -n1)
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
sleep 2

# The middle third of the scans with both cores busy.
load_from=$((scans / 3)) load_to=$((2 * scans / 3))
started=$(date +%s.%N)
n=0
while read -r ticket; do
    n=$((n + 1))
    if [[ $n -eq $load_from ]]; then
        for _ in 1 2; do (while :; do :; done) & load_pids+=($!); done
    fi
    if [[ $n -eq $load_to ]]; then
        kill "${load_pids[@]}" 2>/dev/null || true
        wait "${load_pids[@]}" 2>/dev/null || true
        load_pids=()
    fi
    # One xdotool run types the ticket and its Return, as one scanner burst does (a ticket is
    # letters and digits, each its own keysym).
    # shellcheck disable=SC2046
    xdotool key --delay "$delay_ms" $(sed 's/./& /g' <<<"$ticket") Return
    sleep "$gap"
    kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk died after scan $n"
done <"$work/tickets"
typed=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")

# Every check-in reached the server (the kiosk sends them as they come; allow it to finish).
expected_list=$(sed "s/.*/'&'/" <<<"$students" | paste -sd, -)
for _ in $(seq 300); do
    checked=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM check_ins WHERE student IN ($expected_list);")
    [[ "$checked" -eq "$scans" ]] && break
    sleep 0.1
done
kill -USR1 "$kiosk_pid"
sleep 1
lost=$((scans - checked))
echo "scans: $scans at ${delay_ms} ms per key, one every ${gap} s (scans $load_from-$load_to with both cores busy), typed in ${typed} s"
echo "checked in: $checked of $scans, lost: $lost"
if [[ $lost -ne 0 ]]; then
    missing=$(sqlite3 "$work/fair.db" "SELECT group_concat(id) FROM students WHERE id IN ($expected_list) AND id NOT IN (SELECT student FROM check_ins);")
    fail "$lost scans lost: $missing"
fi

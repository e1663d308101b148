#!/usr/bin/env bash
# End to end: the real jobfair-kiosk against a real `jobfair serve` on a temporary database.
#   tests/gui/run_kiosk_e2e.sh BUILD_BIN_DIR [OUT_DIR] [SCRIPT]
# SCRIPT is e2e (default: check-in by scanned ticket + one walk-in, then the database and the QR
# are checked) or all (every screen, both languages and orientations, for looking at).
# Needs xvfb-run, sqlite3, curl and zbarimg; exits 77 (ctest's "skipped") when one is missing.
set -euo pipefail

bin_dir=$(realpath "${1:?usage: run_kiosk_e2e.sh BUILD_BIN_DIR [OUT_DIR] [all|e2e]}")
out_dir=${2:-$(mktemp -d /tmp/jobfair-kiosk-e2e.XXXXXX)}
script=${3:-e2e}
for tool in xvfb-run sqlite3 curl zbarimg python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (apt-get install xvfb sqlite3 curl zbar-tools python3)"
        exit 77
    fi
done
mkdir -p "$out_dir"
out_dir=$(realpath "$out_dir")
work=$(mktemp -d /tmp/jobfair-kiosk-run.XXXXXX)
server_pid=
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export JOBFAIR_ORGANIZER_PASSWORD="e2e-organizer-password"
"$bin_dir/jobfair" serve --db "$work/fair.db" --demo --listen "127.0.0.1:$port" \
    --clock-start 08:00 --clock-speed 0 >"$out_dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    curl -sf "$base/api/v1/hello" >/dev/null && break
    sleep 0.1
done
curl -sf "$base/api/v1/hello" >/dev/null || { echo "FAIL: the server did not start"; cat "$out_dir/server.log"; exit 1; }

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
organizer=$(curl -sf -X POST "$base/api/v1/auth/login" -d "{\"password\": \"$JOBFAIR_ORGANIZER_PASSWORD\"}" | json_field '["token"]')
code=$(curl -sf -X POST "$base/api/v1/admin/enrolment-codes" -H "Authorization: Bearer $organizer" \
    -d '{"role": "kiosk", "device_name": "Kiosk 1"}' | json_field '["code"]')
ticket=$(curl -sf "$base/api/v1/students/S0087/ticket" -H "Authorization: Bearer $organizer" | json_field '["ticket"]')

size=1080x1920
xvfb-run -a -s "-screen 0 1920x1920x24" "$bin_dir/jobfair-kiosk" --server "$base" --device-code "$code" \
    --lang vi --size "$size" --outbox "$work/outbox.db" --screenshot-dir "$out_dir" --script "$script" \
    --ticket "$ticket" | tee "$out_dir/kiosk.log"

# (a) the scanned student is checked in; (b) the walk-in reached the database.
check_ins=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM check_ins WHERE student = 'S0087';")
walk_in=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM students WHERE id = 'W0001';")
[[ "$check_ins" -ge 1 ]] || { echo "FAIL: no check_ins row for S0087"; exit 1; }
[[ "$walk_in" -eq 1 ]] || { echo "FAIL: the walk-in W0001 is not in the database"; exit 1; }
echo "database: S0087 has $check_ins check-in row(s); W0001 registered"

# The QR on the result screen, read by a real decoder and accepted by the server.
result_png="$out_dir/result-vi-portrait.png"
scanned=$(zbarimg --raw -q "$result_png")
kiosk_token=$(cat "$work/outbox.db.token")
answer=$(curl -s -w '\n%{http_code}' -X POST "$base/api/v1/check-ins" -H "Authorization: Bearer $kiosk_token" \
    -H "Idempotency-Key: e2e-rescan-0001" -d "{\"ticket\": \"$scanned\"}")
status=$(tail -n1 <<<"$answer")
already=$(head -n1 <<<"$answer" | json_field '["already_checked_in"]')
[[ "$status" == 200 && "$already" == True ]] || { echo "FAIL: the server answered $status: $answer"; exit 1; }
echo "zbarimg read $scanned from $result_png; the server answered 200, already_checked_in true"
echo "PASS (screenshots in $out_dir)"

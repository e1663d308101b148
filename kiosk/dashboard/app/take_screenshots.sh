#!/bin/bash
# Screenshots of every screen of jobfair-dashboard in Vietnamese and English at 1920x1080, against
# a real server: the demo fair (30 booths, ~800 students), a simulated morning stopped at 09:30,
# then the fair clock moved on (09:50 for the Vietnamese pictures, 10:05 for the English ones) so
# booths run late and a re-plan may find planned interviews whose slot has passed.
# Then the offline pair: the server is killed while the dashboard runs ("offline") and started
# again on the same database ("resynced").
#
#   kiosk/dashboard/app/take_screenshots.sh BUILD_BIN_DIR OUT_DIR [PORT]
#
# Writes OUT_DIR/<screen>-<vi|en>.png, OUT_DIR/exports-<vi|en>/ (the saved exports) and
# OUT_DIR/frames.txt (frame times per tab). Needs xvfb-run and curl; exits 77 without them.
set -euo pipefail

BIN=$(cd "$1" && pwd)
OUT=$(mkdir -p "$2" && cd "$2" && pwd)
PORT=${3:-18602}
for tool in xvfb-run curl; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

start_server() {  # $1: the fair clock to start at
    "$BIN/jobfair" serve --db "$WORK/d.db" --demo --listen "127.0.0.1:$PORT" \
        --clock-start "$1" --clock-speed 0 >>"$WORK/serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$PORT/api/v1/hello" >/dev/null && return 0
        sleep 0.1
    done
    echo "the server did not start:"; cat "$WORK/serve.log"; exit 1
}

start_server 07:30
# The generated organizer password is written beside the database, never printed.
cp "$WORK/d.db.organizer-password" "$WORK/password"
PASSWORD=$(cat "$WORK/password")
echo "simulating the morning until 09:30..."
"$BIN/jobfair" simulate --server "127.0.0.1:$PORT" --password "$PASSWORD" --db "$WORK/d.db" \
    --speed 0 --until 09:30 >"$WORK/simulate.log" 2>&1
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"password\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$PORT/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
# A kiosk that checked in once and went quiet, and a board never switched on: device alerts.
enrol() {  # $1 role, $2 name: prints the device's token
    local code
    code=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"role\":\"$1\",\"device_name\":\"$2\"}" \
        "http://127.0.0.1:$PORT/api/v1/admin/enrolment-codes" | sed -n 's/.*"code":"\([^"]*\)".*/\1/p')
    curl -sf -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" \
        "http://127.0.0.1:$PORT/api/v1/auth/enrol" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
KIOSK_TOKEN=$(enrol kiosk "Quầy cổng phụ")
curl -sf -H "Authorization: Bearer $KIOSK_TOKEN" "http://127.0.0.1:$PORT/api/v1/enterprises" >/dev/null
enrol board "Bảng gọi số sảnh B" >/dev/null
# Someone guessing booth B07's PIN, and an oversized request: security alerts.
for _ in $(seq 8); do
    curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"booth":"B07","pin":"000000"}' \
        "http://127.0.0.1:$PORT/api/v1/auth/booth-login"
done
head -c 100000 /dev/zero | tr '\0' ' ' | curl -s -o /dev/null -H 'Content-Type: application/json' \
    --data-binary @- "http://127.0.0.1:$PORT/api/v1/check-ins" || true
sleep 16  # the kiosk is now past the 15 s a kiosk may stay silent
set_clock() {
    curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"now\":\"$1\"}" "http://127.0.0.1:$PORT/api/v1/clock" >/dev/null
}

DASHBOARD=(xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN/jobfair-dashboard"
           --server "127.0.0.1:$PORT" --password-file "$WORK/password" --size 1920x1080
           --screenshot-dir "$OUT")
: >"$OUT/frames.txt"
for lang in vi en; do
    if [ "$lang" = vi ]; then set_clock 09:50; else set_clock 10:05; fi
    "${DASHBOARD[@]}" --lang "$lang" --export-dir "$OUT/exports-$lang" 2>"$WORK/dashboard-$lang.log" |
        tee -a "$OUT/frames.txt" || { cat "$WORK/dashboard-$lang.log" >&2; exit 1; }
    cat "$WORK/dashboard-$lang.log" >&2
done

# Offline and back: the dashboard waits for the server to go, then for it to return.
for lang in vi en; do
    "${DASHBOARD[@]}" --lang "$lang" --script offline >"$WORK/offline-$lang.log" 2>&1 &
    DASHBOARD_PID=$!
    for _ in $(seq 300); do grep -qs '^ready' "$WORK/offline-$lang.log" && break; sleep 0.1; done
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 600); do grep -qs 'offline-' "$WORK/offline-$lang.log" && break; sleep 0.1; done
    start_server 10:05
    wait "$DASHBOARD_PID"
    cat "$WORK/offline-$lang.log"
done
# Every picture is a contrast check of the dashboard's text (kiosk/ui/contrast/README.md).
bash "$(dirname "$0")/../../../tests/gui/contrast_check.sh" "$WORK"/dashboard-*.log "$WORK"/offline-*.log
echo "screenshots in $OUT"

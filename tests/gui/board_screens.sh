#!/bin/sh
# The now-calling board (jobfair-board) photographed against a real fair server in a simulated
# morning, in Vietnamese and English at 1920x1080: many calls (big tiles a page at a time, "Trang
# 1/N"), few calls, nobody called, offline and after the fair's day has ended, printing how many
# tickets the server had as now calling and how long each picture's frames took.
#
#   tests/gui/board_screens.sh BIN_DIR [OUT_DIR] [SERVER_BIN]
#
# BIN_DIR holds jobfair-board (and jobfair, unless SERVER_BIN names another build). It starts
# `jobfair serve --demo` on a temporary database with the fair clock standing still, runs
# `jobfair simulate` until 09:30 (BOARD_SCREENS_UNTIL; ctest uses 08:30, a shorter run), then
# moves the fair clock (POST /api/v1/clock) to each state.
# Pictures: OUT_DIR/board-<state>-<vi|en>.png. Exit 77 when xvfb-run, curl or python3 is missing.
set -eu

BIN_DIR=$(cd "$1" && pwd)
OUT_DIR=${2:-shots}
SERVER_BIN=${3:-$BIN_DIR/jobfair}
PORT=${BOARD_SCREENS_PORT:-18651}
URL=http://127.0.0.1:$PORT

for tool in xvfb-run curl python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "board_screens: $tool is missing" >&2; exit 77; }
done
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

json() {  # $1: a Python expression on `d`, the JSON read from stdin
    python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

"$SERVER_BIN" serve --db "$WORK/fair.db" --demo --listen "127.0.0.1:$PORT" \
    --clock-start 07:30 --clock-speed 0 >>"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
    curl -sf "$URL/api/v1/hello" >/dev/null 2>&1 && break
    sleep 0.1
done
PASSWORD=$(cat "$WORK/fair.db.organizer-password")
UNTIL=${BOARD_SCREENS_UNTIL:-09:30}
later() {  # UNTIL plus $1 minutes, HH:MM
    h=$(echo "${UNTIL%%:*}" | sed 's/^0//') mm=$(echo "${UNTIL##*:}" | sed 's/^0//')
    m=$(( ${h:-0} * 60 + ${mm:-0} + $1 ))
    printf '%02d:%02d' $((m / 60)) $((m % 60))
}
echo "board_screens: simulating the morning until $UNTIL"
"$SERVER_BIN" simulate --server "127.0.0.1:$PORT" --password "$PASSWORD" --db "$WORK/fair.db" \
    --speed 0 --until "$UNTIL" >"$WORK/simulate.log" 2>&1
TOKEN=$(curl -sf -X POST "$URL/api/v1/auth/login" -d "{\"password\":\"$PASSWORD\"}" | json 'd["token"]')
CODE=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/enrolment-codes" \
    -d '{"role":"board","device_name":"Bảng gọi số"}' | json 'd["code"]')
BOARD_TOKEN=$WORK/board.token

set_clock() {
    curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/clock" -d "{\"now\":\"$1\"}" >/dev/null
}
# How many tickets the board has as "now calling" (status called, within 3 fair minutes).
calling() {
    curl -sf -H "Authorization: Bearer $(cat "$BOARD_TOKEN")" "$URL/api/v1/calls/recent" | json \
        'len({c["ticket_label"] for c in d["calls"] if c["status"] == "called" and (int(d["now"][:2])*60+int(d["now"][3:])) - (int(c["time"][:2])*60+int(c["time"][3:])) <= 3})'
}

shoot() {  # $1: state, $2: language, $3: server URL
    log=$WORK/board-$1-$2.log
    xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN_DIR/jobfair-board" --server "$3" \
        --device-code "$CODE" --token-file "$BOARD_TOKEN" --lang "$2" --size 1920x1080 \
        --screenshot "$OUT_DIR/board-$1-$2.png" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    echo "board_screens: board-$1-$2.png: $(tail -n 1 "$log")"
}

shoot many vi "$URL"
echo "board_screens: $(calling) tickets now calling at $UNTIL (3 big tiles a page)"
shoot many en "$URL"
# Few: a minute later the organizer starts all but two of the called interviews (as a booth would).
set_clock "$(later 1)"
for id in $(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/interviews" | json \
    '" ".join(str(i["interview"]) for i in [x for x in d["interviews"] if x["status"] == "called"][2:])'); do
    curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/interviews/$id/start" -d '{}' >/dev/null
done
echo "board_screens: $(calling) tickets now calling at $(later 1)"
shoot few vi "$URL"
shoot few en "$URL"
set_clock "$(later 4)"
shoot nobody vi "$URL"
# The fair's day ends at the demo fair's day_end (GET /hello).
DAY_END=$(curl -sf "$URL/api/v1/hello" | json 'd["day_end"]')
set_clock "$DAY_END"
shoot ended vi "$URL"
shoot ended en "$URL"
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
shoot offline vi "$URL"
shoot offline en "$URL"
ls "$OUT_DIR"
# Every picture is a contrast check of the board's text (kiosk/ui/contrast/README.md).
bash "$(dirname "$0")/contrast_check.sh" "$WORK"/board-*.log || exit 1

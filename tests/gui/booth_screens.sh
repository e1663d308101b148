#!/bin/sh
# Every screen of the booth station (jobfair-booth), photographed against a real fair server in
# the middle of a simulated morning, in Vietnamese and English, at 1920x1080 and at the tablet
# size 1280x800; then the booth screen's frame times at 1920x1080.
#
#   tests/gui/booth_screens.sh BIN_DIR [OUT_DIR] [SERVER_BIN]
#
# BIN_DIR holds jobfair-booth (and jobfair, unless SERVER_BIN names another build of the
# server). It starts `jobfair serve --demo` on a temporary database, runs `jobfair simulate`
# until 09:15 (B07 is open and not in its 09:30-09:45 break, so someone can be called; the script
# stops with an error if the server says B07 is in a break then), issues a PIN for B07, fetches another student's ticket for the wrong-ticket
# warning, and runs `jobfair-booth --script shots` once per size. The script really starts and
# finishes an interview and calls the next student; when it asks, this script stops the server
# (the offline pictures) and starts it again on the same database (the resync picture).
# Last, a booth in one of its breaks: the fair clock moves on a quarter-hour at a time until
# some booth's queue has `break_until`, and that booth's station is photographed (break-vi-1280x800,
# break-en-1920x1080): a banner until when, standby rows "Nghỉ đến …", Call next greyed.
# Pictures: OUT_DIR/<screen>-<vi|en>-<W>x<H>.png. Exit 77 when xvfb-run, curl or python3 is
# missing.
set -eu

BIN_DIR=$(cd "$1" && pwd)
OUT_DIR=${2:-shots}
SERVER_BIN=${3:-$BIN_DIR/jobfair}
BOOTH=B07
MOMENT=09:15  # the fair clock of the pictures: B07 open, seats busy, standby waiting, no break
PORT=${BOOTH_SCREENS_PORT:-18631}
URL=http://127.0.0.1:$PORT

for tool in xvfb-run curl python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "booth_screens: $tool is missing" >&2; exit 77; }
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

start_server() {  # $1: the fair clock to start from
    "$SERVER_BIN" serve --db "$WORK/fair.db" --demo --listen "127.0.0.1:$PORT" \
        --clock-start "$1" --clock-speed 0 >>"$WORK/serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        curl -sf "$URL/api/v1/hello" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "booth_screens: the server did not start" >&2
    cat "$WORK/serve.log" >&2
    exit 1
}

stop_server() {
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

json() {  # $1: a Python expression on `d`, the JSON read from stdin
    python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"
}

start_server 07:30
PASSWORD=$(cat "$WORK/fair.db.organizer-password")  # written 0600 by serve, never printed
echo "booth_screens: simulating the morning until $MOMENT"
"$SERVER_BIN" simulate --server "127.0.0.1:$PORT" --password "$PASSWORD" --db "$WORK/fair.db" \
    --speed 0 --until "$MOMENT" >"$WORK/simulate.log" 2>&1
TOKEN=$(curl -sf -X POST "$URL/api/v1/auth/login" -d "{\"password\":\"$PASSWORD\"}" | json 'd["token"]')
PIN=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/booths/$BOOTH/pin" \
    -d '{}' | json 'd["pin"]')
# In a break the booth calls nobody ("Gọi tiếp" and "Mời vào bàn" greyed): the script's calls
# would fail. Say so plainly instead.
ON_BREAK=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/booths/$BOOTH/queue" |
    json 'd.get("break_until") or ""')
if [ -n "$ON_BREAK" ]; then
    echo "booth_screens: $BOOTH is in a break until $ON_BREAK at $MOMENT; pick another moment" >&2
    exit 1
fi
# A PIN is taken only on an enrolled booth station: each run enrols afresh with a new code.
station_code() {  # $1: the booth (default $BOOTH)
    curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/enrolment-codes" \
        -d "{\"role\":\"booth_station\",\"booth\":\"${1:-$BOOTH}\",\"device_name\":\"Máy ${1:-$BOOTH} $(date +%s%N)\"}" |
        json 'd["code"]'
}
# The wrong ticket: a checked-in student with nothing at this booth.
OTHER=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/booths/$BOOTH/queue" | json \
    '[s for s in ("S%04d" % n for n in range(1, 800)) if s not in {q["student"] for q in d["queue"]} | {s["student"] for s in d["standby"]}][0]')
WRONG_TICKET=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/students/$OTHER/ticket" |
    json 'd["ticket"]')

for SIZE in 1920x1080 1280x800; do
    echo "booth_screens: $SIZE"
    LOG=$WORK/booth-$SIZE.log
    : >"$LOG"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN_DIR/jobfair-booth" --server "$URL" \
        --booth "$BOOTH" --device-code "$(station_code)" --token-file "$WORK/station-$SIZE.token" \
        --size "$SIZE" --pin "$PIN" --script shots \
        --screenshot-dir "$OUT_DIR" --wrong-ticket "$WRONG_TICKET" >"$LOG" 2>&1 &
    BOOTH_PID=$!
    stopped=no
    while kill -0 "$BOOTH_PID" 2>/dev/null; do
        if [ $stopped = no ] && grep -q "stop the server now" "$LOG"; then
            stop_server
            stopped=yes
        fi
        if [ $stopped = yes ] && grep -q "start the server again" "$LOG"; then
            start_server "$MOMENT"
            stopped=done
        fi
        sleep 0.2
    done
    if ! wait "$BOOTH_PID"; then
        cat "$LOG" >&2
        exit 1
    fi
    [ -n "$SERVER_PID" ] || start_server "$MOMENT"
    grep -v "^booth-script: saved" "$LOG" || true
done

echo "booth_screens: frame times at 1920x1080"
xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN_DIR/jobfair-booth" --server "$URL" --booth "$BOOTH" \
    --device-code "$(station_code)" --token-file "$WORK/station-frames.token" \
    --size 1920x1080 --pin "$PIN" --screenshot "$OUT_DIR/frames-vi-1920x1080.png" \
    >"$WORK/booth-frames.log" 2>&1 || { cat "$WORK/booth-frames.log" >&2; exit 1; }
cat "$WORK/booth-frames.log"

echo "booth_screens: a booth in one of its breaks"
BREAK_BOOTH=
for NOW in 09:45 10:00 10:15 10:30 10:45 11:00 11:15; do
    curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/clock" -d "{\"now\":\"$NOW\"}" >/dev/null
    for n in $(seq -w 1 40); do
        answer=$(curl -s -H "Authorization: Bearer $TOKEN" "$URL/api/v1/booths/B$n/queue") || continue
        if [ "$(printf '%s' "$answer" | json 'd.get("break_until") or ""' 2>/dev/null)" != "" ]; then
            BREAK_BOOTH=B$n
            break 2
        fi
    done
done
if [ -z "$BREAK_BOOTH" ]; then
    echo "booth_screens: no booth of the demo fair is in a break between 09:45 and 11:15" >&2
    exit 1
fi
echo "booth_screens: $BREAK_BOOTH is in a break at $NOW"
BREAK_PIN=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" \
    "$URL/api/v1/admin/booths/$BREAK_BOOTH/pin" -d '{}' | json 'd["pin"]')
for SHOT in vi:1280x800 en:1920x1080; do
    xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN_DIR/jobfair-booth" --server "$URL" \
        --booth "$BREAK_BOOTH" --device-code "$(station_code "$BREAK_BOOTH")" \
        --token-file "$WORK/station-break-${SHOT#*:}.token" --lang "${SHOT%%:*}" \
        --size "${SHOT#*:}" --pin "$BREAK_PIN" \
        --screenshot "$OUT_DIR/break-${SHOT%%:*}-${SHOT#*:}.png" \
        >"$WORK/booth-break-${SHOT%%:*}.log" 2>&1 || { cat "$WORK/booth-break-${SHOT%%:*}.log" >&2; exit 1; }
    cat "$WORK/booth-break-${SHOT%%:*}.log"
done
# Every picture is a contrast check of the station's text (kiosk/ui/contrast/README.md).
bash "$(dirname "$0")/contrast_check.sh" "$WORK"/booth-*.log || exit 1
ls "$OUT_DIR"

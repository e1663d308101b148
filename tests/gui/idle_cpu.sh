#!/bin/bash
# Idle CPU of the four ImGui programs (issue 17 item 5): a static screen must not be redrawn.
#
#   tests/gui/idle_cpu.sh BIN_DIR [OUT_DIR] [SECONDS] [LIMIT_PERCENT]
#
# Starts `jobfair serve --demo` on a temporary database (fair clock stopped at 07:30, so nothing
# moves), enrols a board, a booth station (B07, logged in with an issued PIN) and a check-in kiosk,
# and opens them with the dashboard (logged in with the organizer password file) under one Xvfb.
# After a settling time it reads each program's CPU time (utime+stime of /proc/PID/stat, all its
# threads) over SECONDS (default 20) and prints it as % of one core. Then each program is sent
# SIGUSR1 and must save its screen (OUT_DIR/<program>.png): the sleeping loop still wakes for it.
# Fails when the board or the dashboard uses more than LIMIT_PERCENT (default 5) or a snapshot is
# missing; the booth and the kiosk are reported. Exit 77 when xvfb-run, curl or python3 is missing.
set -eu

BIN_DIR=$(cd "$1" && pwd)
OUT_DIR=${2:-idle-cpu}
SECONDS_MEASURED=${3:-20}
LIMIT=${4:-5}
PORT=${IDLE_CPU_PORT:-18641}
URL=http://127.0.0.1:$PORT

for tool in xvfb-run curl python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "idle_cpu: $tool is missing" >&2; exit 77; }
done
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
rm -f "$OUT_DIR"/*.png
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

"$BIN_DIR/jobfair" serve --db "$WORK/fair.db" --demo --listen "127.0.0.1:$PORT" \
    --clock-start 07:30 --clock-speed 0 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
    curl -sf "$URL/api/v1/hello" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -sf "$URL/api/v1/hello" >/dev/null || { echo "idle_cpu: no server" >&2; cat "$WORK/serve.log" >&2; exit 1; }

json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
PASSWORD_FILE="$WORK/fair.db.organizer-password"
TOKEN=$(curl -sf -X POST "$URL/api/v1/auth/login" -d "{\"password\":\"$(cat "$PASSWORD_FILE")\"}" |
    json 'd["token"]')
code() {  # role [booth]
    local booth=${2:+,\"booth\":\"$2\"}
    curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/enrolment-codes" \
        -d "{\"role\":\"$1\",\"device_name\":\"idle $1\"$booth}" | json 'd["code"]'
}
(umask 077 && curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/booths/B07/pin" \
    -d '{}' | json 'd["pin"]' >"$WORK/booth.pin")

cat >"$WORK/measure.sh" <<EOF
#!/bin/bash
set -u
cd "$WORK"
"$BIN_DIR/jobfair-board" --server "$URL" --device-code "$(code board)" --token-file board.token \
    --windowed --size 1920x1080 --snapshot-file "$OUT_DIR/board.png" >board.log 2>&1 &
echo "board \$!" >pids
"$BIN_DIR/jobfair-dashboard" --server "$URL" --windowed --size 1920x1080 \
    --password-file "$PASSWORD_FILE" --export-dir exports \
    --snapshot-file "$OUT_DIR/dashboard.png" >dashboard.log 2>&1 &
echo "dashboard \$!" >>pids
"$BIN_DIR/jobfair-booth" --server "$URL" --booth B07 --device-code "$(code booth_station B07)" \
    --token-file booth.token --pin-file booth.pin --windowed --size 1920x1080 \
    --snapshot-file "$OUT_DIR/booth.png" >booth.log 2>&1 &
echo "booth \$!" >>pids
"$BIN_DIR/jobfair-kiosk" --server "$URL" --device-code "$(code kiosk)" --windowed --size 1080x1920 \
    --outbox kiosk-outbox.db --snapshot-file "$OUT_DIR/kiosk.png" >kiosk.log 2>&1 &
echo "kiosk \$!" >>pids
ticks() { awk '{ print \$14 + \$15 }' "/proc/\$1/stat"; }
sleep 12  # start, enrol, log in, first answers, fonts
declare -A before
while read -r name pid; do before[\$name]=\$(ticks "\$pid"); done <pids
start=\$(date +%s.%N)
sleep $SECONDS_MEASURED
elapsed=\$(echo "\$(date +%s.%N) - \$start" | bc -l)
hz=\$(getconf CLK_TCK)
while read -r name pid; do
    used=\$(( \$(ticks "\$pid") - before[\$name] ))
    printf '%s %s\n' "\$name" "\$(echo "100 * \$used / \$hz / \$elapsed" | bc -l)"
done <pids >cpu.txt
while read -r name pid; do kill -USR1 "\$pid"; done <pids
sleep 3
while read -r name pid; do kill "\$pid"; done <pids
wait
EOF
xvfb-run -a -s "-screen 0 1920x1920x24" bash "$WORK/measure.sh"

status=0
echo "idle_cpu: CPU over ${SECONDS_MEASURED} s on a static screen (% of one core; load $(cut -d' ' -f1-3 /proc/loadavg))"
while read -r name percent; do
    printf '  %-10s %5.1f %%\n' "$name" "$percent"
    case $name in
        board | dashboard)
            if [ "$(echo "$percent > $LIMIT" | bc -l)" = 1 ]; then
                echo "idle_cpu: $name uses more than $LIMIT % of a core on a static screen" >&2
                status=1
            fi
            ;;
    esac
done <"$WORK/cpu.txt"
for name in board dashboard booth kiosk; do
    if [ ! -s "$OUT_DIR/$name.png" ]; then
        echo "idle_cpu: $name saved no snapshot on SIGUSR1 (log below)" >&2
        cat "$WORK/$name.log" >&2
        status=1
    fi
done
exit $status

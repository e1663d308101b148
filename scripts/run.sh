#!/usr/bin/env bash
# README command 1: set up, build, and run the demo fair day on the embedded SQLite default.
#
#   1. the allocation engine on the committed demo fair (assets/demo-fair.json): solve, explain
#      one student, check the schedule against the contract;
#   2. the fair day: `jobfair serve` on a fresh var/demo.db with the demo fair, and a simulated
#      morning driven through its API (`jobfair simulate`): one line per simulated 15 minutes and
#      a final report; the invariants are checked after every simulated minute, and after
#      every event when the audit log is replayed at the end;
#   3. what is left for inspection in var/: the database, the schedule, the tickets (CSV, PNG,
#      printable sheets), the server's log.
#
# With a display, a check-in kiosk, the now-calling board, two booth stations (B01, B02) and the
# organizer dashboard are opened on the running server, and the morning runs at 20 simulated
# minutes per real minute; `kill -USR1` on one of them saves its screen into var/snapshots/.
# JOBFAIR_SPEED sets that speed (default
# without a display: 0, as fast as the server answers). Ctrl-C stops everything cleanly; nothing
# committed is lost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset release >/dev/null
cmake --build --preset release -j"$jobs"

jobfair=build/bin/jobfair
mkdir -p var
rm -f var/demo.db var/demo.db-wal var/demo.db-shm var/demo.db.ticket-key var/engine.db*
rm -rf var/snapshots

echo "=== 1. the allocation engine on the demo fair"
"$jobfair" generate -o var/demo-fair.json
if ! cmp -s var/demo-fair.json assets/demo-fair.json; then
  echo "run: note: the generator's output differs from assets/demo-fair.json; using the committed asset" >&2
fi
"$jobfair" import assets/demo-fair.json --db var/engine.db
"$jobfair" solve --db var/engine.db -o var/demo-schedule.json --explain S0042
"$jobfair" check assets/demo-fair.json var/demo-schedule.json

echo "=== 2. the fair day: server and a simulated morning"
"$jobfair" import assets/demo-fair.json --db var/demo.db
# The schools' lists: each pre-registered student's school and phone (not in the fair contract).
"$jobfair" import-details --db var/demo.db --csv assets/demo-students.csv
password=${JOBFAIR_ORGANIZER_PASSWORD:-"demo-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"}
printf '%s\n' "$password" >var/organizer-password.txt
chmod 600 var/organizer-password.txt
port=${JOBFAIR_PORT:-8080}
JOBFAIR_ORGANIZER_PASSWORD="$password" "$jobfair" serve --db var/demo.db \
  --listen "127.0.0.1:$port" --clock-start 07:30 --clock-speed 0 >var/server.log 2>&1 &
server_pid=$!
stop_server() { kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; }
trap stop_server EXIT
trap 'echo; echo "run: stopped; the database is var/demo.db"; exit 130' INT TERM
for _ in $(seq 1 300); do
  grep -q "jobfair server for" var/server.log 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat var/server.log; exit 1; }
  sleep 0.1
done
echo "server: http://127.0.0.1:$port/api/v1 (organizer password in var/organizer-password.txt)"
# A POST to the server with bash's /dev/tcp (no curl needed); prints the answer's body.
api_post() {  # path token json
  local reply
  exec 5<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST /api/v1%s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nAuthorization: Bearer %s\r\nContent-Length: %s\r\n\r\n%s' \
    "$1" "$2" "${#3}" "$3" >&5
  reply=$(timeout 30 cat <&5 || true)
  exec 5<&-
  printf '%s' "${reply#*$'\r\n\r\n'}"
}
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

speed=${JOBFAIR_SPEED:-0}
gui_pids=()
simulate_pins=()  # the stations' PINs: simulate logs in with them rather than issuing new ones
if [[ -n "${DISPLAY:-}" && -x build/bin/jobfair-kiosk && -x build/bin/jobfair-board ]]; then
  # A display: a check-in kiosk and the now-calling board watch the morning at 20x real time.
  speed=${JOBFAIR_SPEED:-20}
  token=$(api_post /auth/login "" "{\"password\":\"$password\"}" | json_field token)
  kiosk_code=$(api_post /admin/enrolment-codes "$token" \
    '{"role":"kiosk","device_name":"Kiosk 1 (demo)"}' | json_field code)
  board_code=$(api_post /admin/enrolment-codes "$token" \
    '{"role":"board","device_name":"Board (demo)"}' | json_field code)
  build/bin/jobfair-kiosk --server "http://127.0.0.1:$port" --device-code "$kiosk_code" \
    --windowed --size 1080x1920 --outbox var/kiosk-outbox.db --snapshot-file var/snapshots/kiosk.png \
    >var/kiosk.log 2>&1 &
  gui_pids+=($!)
  build/bin/jobfair-board --server "http://127.0.0.1:$port" --device-code "$board_code" \
    --windowed --size 1920x1080 --token-file var/board.token --snapshot-file var/snapshots/board.png \
    >var/board.log 2>&1 &
  gui_pids+=($!)
  opened="kiosk, board"
  # Two booth stations, each enrolled for its booth with a device code (a PIN is accepted only on
  # an enrolled station) and logged in with the PIN the organizer issues (kept in var/, owner only).
  if [[ -x build/bin/jobfair-booth ]]; then
    for booth in B01 B02; do
      (umask 077 && api_post "/admin/booths/$booth/pin" "$token" '{}' | sed -n 's/.*"pin":"\([0-9]*\)".*/\1/p' \
        >"var/booth-$booth.pin")
      station_code=$(api_post /admin/enrolment-codes "$token" \
        "{\"role\":\"booth_station\",\"booth\":\"$booth\",\"device_name\":\"Booth $booth (demo)\"}" | json_field code)
      rm -f "var/booth-$booth.token"  # the demo's fresh database knows no earlier station
      build/bin/jobfair-booth --server "http://127.0.0.1:$port" --booth "$booth" --windowed \
        --device-code "$station_code" --token-file "var/booth-$booth.token" \
        --size 1280x800 --pin-file "var/booth-$booth.pin" --snapshot-file "var/snapshots/booth-$booth.png" \
        >"var/booth-$booth.log" 2>&1 &
      gui_pids+=($!)
      simulate_pins+=(--booth-pin-file "$booth=var/booth-$booth.pin")
    done
    opened+=", booth stations B01 and B02"
  fi
  # The organizer dashboard, logged in with the password file.
  if [[ -x build/bin/jobfair-dashboard ]]; then
    build/bin/jobfair-dashboard --server "http://127.0.0.1:$port" --windowed --size 1920x1080 \
      --password-file var/organizer-password.txt --export-dir var/exports \
      --snapshot-file var/snapshots/dashboard.png >var/dashboard.log 2>&1 &
    gui_pids+=($!)
    opened+=", dashboard"
  fi
  echo "run: opened $opened (logs in var/)"
  echo "run: kill -USR1 ${gui_pids[*]} saves each screen as it is into var/snapshots/"
fi
stop_gui() { for pid in "${gui_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap 'stop_gui; stop_server' EXIT
"$jobfair" simulate --server "127.0.0.1:$port" --password "$password" --db var/demo.db \
  --speed "$speed" --check "${simulate_pins[@]}"
stop_gui
stop_server
trap - EXIT

echo "=== 3. left for inspection"
"$jobfair" tickets --db var/demo.db --out var/tickets >/dev/null
"$jobfair" export-day --db var/demo.db --out var/exports
"$jobfair" summary --db var/demo.db
echo "run: var/demo.db (the day), var/exports/ (CSV for Excel and the one-page summary.html)," \
  "var/demo-schedule.json (the engine's plan), var/tickets/ (tickets.csv, qr/, sheets), var/server.log"

#!/usr/bin/env bash
# End-to-end (issue 7): a whole simulated morning against a real `jobfair serve` process, with
# the invariants checked in the database after every simulated minute. The server is killed with
# SIGKILL twice mid-morning and restarted on the same database; the day must end with the same
# invariants and nothing lost (every acknowledged check-in and walk-in stored, every promise kept
# or cancelled with a reason, the report equal to the database).
#
#   tests/e2e/simulate_with_restarts.sh BIN_DIR [KILLS]
set -euo pipefail
bin=${1:?usage: simulate_with_restarts.sh BIN_DIR [KILLS]}
kills=${2:-2}
work=$(mktemp -d /tmp/jobfair-e2e.XXXXXX)
password="e2e-$(date +%s)-$$"
server_pid=""
simulation_pid=""
cleanup() {
  [[ -n "$simulation_pid" ]] && kill "$simulation_pid" 2>/dev/null || true
  [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source "$(dirname "$0")/serve.sh"
# The first start takes any free port; each restart takes the same port again, as a real
# server coming back would (the simulated kiosks and booths keep its address).
port=0
start_server() {  # $1: fair time to start the clock at
  JOBFAIR_ORGANIZER_PASSWORD="$password" serve_in_background "$bin" "$work/server.log" "$port" \
    --db "$work/fair.db" --demo --clock-start "$1" --clock-speed 0 || exit 1
}

start_server 07:30
"$bin/jobfair" simulate --server "127.0.0.1:$port" --password "$password" --db "$work/fair.db" \
  --speed 0 --seed 11 --check --estimate-poll-minutes 15 >"$work/simulation.log" 2>&1 &
simulation_pid=$!

# Kill the server when the simulated morning reaches these times (one report line per 15 min).
kill_times=(09:00 10:30 11:30)
for ((k = 0; k < kills; k++)); do
  at=${kill_times[$k]}
  until grep -q "^$at " "$work/simulation.log"; do
    kill -0 "$simulation_pid" 2>/dev/null || break 2
    sleep 0.2
  done
  echo "e2e: SIGKILL to the server at fair time $at"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  start_server "$at"
  echo "e2e: server restarted on the same database"
done

status=0
wait "$simulation_pid" || status=$?
simulation_pid=""
cat "$work/simulation.log"
if [[ $status -ne 0 ]]; then
  echo "e2e: FAILED (simulation exit $status)" >&2
  tail -20 "$work/server.log" >&2
  exit 1
fi
grep -q "invariants checked after .* 0 violations" "$work/simulation.log"
echo "e2e: passed with $kills server kills"

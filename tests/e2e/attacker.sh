#!/usr/bin/env bash
# A hostile student against a real `jobfair serve` on loopback: tests/e2e/attacker.py says what
# each probe checks. Usage: attacker.sh BIN_DIR WORK_DIR
set -euo pipefail
bin=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
"$bin/jobfair" generate -o "$work/fair.json" --no-students-csv >/dev/null 2>&1
"$bin/jobfair" import "$work/fair.json" --db "$work/fair.db" >/dev/null
port=$((20000 + RANDOM % 20000))
"$bin/jobfair" serve --db "$work/fair.db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 300); do
    grep -q "Ctrl-C" "$work/serve.log" && break
    sleep 0.1
done
/usr/bin/python3 "$(dirname "$0")/attacker.py" "http://127.0.0.1:$port" \
    "$(cat "$work/fair.db.organizer-password")" "$server"

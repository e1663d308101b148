#!/usr/bin/env bash
# A hostile student against a real `jobfair serve` on loopback: tests/e2e/attacker.py says what
# each probe checks. Usage: attacker.sh BIN_DIR WORK_DIR
set -euo pipefail
bin=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
"$bin/jobfair" generate -o "$work/fair.json" --no-students-csv >/dev/null 2>&1
"$bin/jobfair" import "$work/fair.json" --db "$work/fair.db" >/dev/null
source "$(dirname "$0")/serve.sh"
server_pid=""
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true' EXIT
serve_in_background "$bin" "$work/serve.log" 0 --db "$work/fair.db" || exit 1
/usr/bin/python3 "$(dirname "$0")/attacker.py" "http://127.0.0.1:$port" \
    "$(cat "$work/fair.db.organizer-password")" "$server_pid"

#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the embedded default.
# Today that is: generate the demo fair, load it into a SQLite database, solve it once and store
# the schedule, then print what the database holds. Everything lands in var/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset release >/dev/null
cmake --build --preset release -j"$jobs"

jobfair=build/bin/jobfair
mkdir -p var
rm -f var/demo.db var/demo.db-wal var/demo.db-shm

"$jobfair" generate -o var/demo-fair.json
if ! cmp -s var/demo-fair.json assets/demo-fair.json; then
  echo "run: note: the generator's output differs from assets/demo-fair.json; loading the committed asset" >&2
fi
"$jobfair" import assets/demo-fair.json --db var/demo.db
"$jobfair" solve --db var/demo.db -o var/demo-schedule.json --explain S0042
"$jobfair" check assets/demo-fair.json var/demo-schedule.json
"$jobfair" summary --db var/demo.db
echo "run: database var/demo.db, schedule var/demo-schedule.json"

#!/usr/bin/env bash
# Writes assets/demo-fair.xlsx from assets/demo-fair.json and assets/demo-students.csv, so the
# demo's workbook and its instance never disagree (a unit test reads the workbook back and
# compares). Usage: bash scripts/demo-workbook.sh [BUILD_BIN_DIR]   (default build/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/jobfair" import assets/demo-fair.json --db "$work/demo.db" >/dev/null
"$bin/jobfair" import-details --db "$work/demo.db" --csv assets/demo-students.csv >/dev/null
"$bin/jobfair" sheets export --db "$work/demo.db" -o assets/demo-fair.xlsx

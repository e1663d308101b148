#!/usr/bin/env bash
# After the fair (docs/privacy.md): a database from the demo fair and a short simulated morning
# (pre-registered phones from the schools' lists, walk-ins who did or did not agree to be phoned,
# booth staff's notes), then `jobfair purge`. The figure files of `jobfair export-day` must come
# out identical; phones without consent and notes must be gone from the raw bytes of the file;
# consented phones must remain. Refusals change nothing: a running `jobfair serve`, a fair not yet
# held, a file that is not a jobfair database; --dry-run changes no byte.
#
#   tests/e2e/purge.sh BIN_DIR WORK_DIR      exit 77 (skipped) without the sqlite3 program
set -euo pipefail
source "$(dirname "$0")/serve.sh"
bin=$(cd "${1:?usage: purge.sh BIN_DIR WORK_DIR}" && pwd)
work=${2:?usage: purge.sh BIN_DIR WORK_DIR}
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3 program"; exit 77; }
export LC_ALL=C  # grep compares bytes
rm -rf "$work" && mkdir -p "$work" && cd "$work"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "purge e2e: FAILED: $*" >&2; exit 1; }
sql() { sqlite3 -batch -noheader fair.db "$1"; }
consented="json_extract(consent, '\$.follow_up') IS 1 OR json_extract(consent, '\$.job_news') IS 1"

# 1. The demo fair and its first half hour (under ASan the simulation is most of the time).
"$bin/jobfair" simulate --speed 0 --seed 5 --until 08:30 --keep-db fair.db >simulate.log
sql "SELECT phone FROM student_details WHERE phone IS NOT NULL AND NOT ($consented)" \
    | sort >removed-phones.txt
sql "SELECT phone FROM student_details WHERE phone IS NOT NULL AND ($consented)" \
    | sort >kept-phones.txt
note="Phỏng vấn mô phỏng"  # what the simulated booths type
[[ -s removed-phones.txt ]] || fail "the day has no phone to remove"
[[ -s kept-phones.txt ]] || fail "the day has no walk-in who agreed to be phoned"
grep -qaF "$note" fair.db || fail "the day has no note in the file"
echo "before: $(wc -l <removed-phones.txt) phones to remove, $(wc -l <kept-phones.txt) to keep," \
     "$(sql "SELECT COUNT(*) FROM interviews WHERE note IS NOT NULL") notes"

# 2. Refused while `jobfair serve` has the database open (exit 1, nothing changed).
JOBFAIR_ORGANIZER_PASSWORD="e2e-purge-$$" serve_in_background "$bin" server.log 0 --db fair.db \
    --clock-start 08:30 --clock-speed 0 || fail "the server did not start"
status=0
"$bin/jobfair" purge --db fair.db >in-use.log 2>&1 || status=$?
[[ $status -eq 1 ]] || { cat in-use.log; fail "purge beside a running server exited $status"; }
grep -q "jobfair serve" in-use.log || fail "the refusal does not name the server"
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""
[[ $(sql "SELECT COUNT(*) FROM student_details WHERE phone IS NOT NULL") -eq \
   $(($(wc -l <removed-phones.txt) + $(wc -l <kept-phones.txt))) ]] || fail "phones changed"
echo "refused while the server ran: $(head -c 120 in-use.log)…"

# 3. Refused before the fair has taken place: the date moved to tomorrow (exit 1, same bytes).
real_date=$(sql "SELECT date FROM fair_settings")
sql "UPDATE fair_settings SET date = date('now', 'localtime', '+1 day')"
cp fair.db ahead.copy
status=0
"$bin/jobfair" purge --db fair.db >ahead.log 2>&1 || status=$?
[[ $status -eq 1 ]] || { cat ahead.log; fail "purge before the fair exited $status"; }
grep -q "chưa diễn ra" ahead.log && grep -q "has not taken place" ahead.log \
    || fail "the refusal before the fair is not in both languages"
cmp -s fair.db ahead.copy || fail "a refused purge changed the file"
sql "UPDATE fair_settings SET date = '$real_date'"

# 4. Not a jobfair database, or no such file: exit 2, nothing created.
for bad in simulate.log missing.db; do
  status=0
  "$bin/jobfair" purge --db "$bad" >bad.log 2>&1 || status=$?
  [[ $status -eq 2 ]] || { cat bad.log; fail "purge of $bad exited $status"; }
done
[[ ! -e missing.db ]] || fail "purge created missing.db"

# 5. The day's exports, a dry run that changes no byte, the purge, the exports again.
"$bin/jobfair" export-day --db fair.db --out before --now 12:30 >/dev/null
cp fair.db dry-run.copy
"$bin/jobfair" purge --db fair.db --dry-run | tee dry-run.log
cmp -s fair.db dry-run.copy || fail "--dry-run changed the file"
grep -q "nothing was changed" dry-run.log || fail "--dry-run does not say nothing changed"
"$bin/jobfair" purge --db fair.db | tee purge.log
"$bin/jobfair" export-day --db fair.db --out after --now 12:30 >/dev/null
for figures in outcomes-by-enterprise.csv outcomes-by-trade.csv attendance-by-school.csv \
               summary.html; do
  cmp -s "before/$figures" "after/$figures" || fail "$figures changed"
done
echo "figures identical: outcomes by enterprise and by trade, attendance by school, summary"

# 6. The raw bytes: no removed phone, no note, in the file or its WAL; consented phones kept.
[[ ! -s fair.db-wal ]] || fail "the WAL still holds $(stat -c %s fair.db-wal) bytes"
if grep -aF -f removed-phones.txt fair.db >/dev/null; then fail "a removed phone is in the file"; fi
if grep -qaF "$note" fair.db; then fail "a note is in the file"; fi
if grep -qaF "$note" after/interviews.csv; then fail "a note is in interviews.csv"; fi
sql "SELECT phone FROM student_details WHERE phone IS NOT NULL" | sort | cmp -s - kept-phones.txt \
    || fail "the consented phones are not exactly the ones kept"
while read -r phone; do
  grep -qaF "$phone" fair.db || fail "consented phone $phone is not in the file's bytes"
done <kept-phones.txt
[[ $(sql "SELECT COUNT(*) FROM events WHERE kind = 'data.purged'") -eq 1 ]] \
    || fail "not exactly one data.purged event"
[[ $(stat -c %a fair.db) == 600 ]] || fail "the file is no longer readable by its owner only"
echo "purge e2e: passed"

#!/usr/bin/env bash
# End to end (docs/standby.md): the fair's server dies mid-morning and a standby takes over from
# the online copy.
#   1. `jobfair serve --backup-to` copies the database every few seconds while a simulated
#      morning runs; a kiosk registers a walk-in just after a copy; the server gets SIGKILL.
#   2. The copy is at most one interval behind: the events it lacks were all written in the last
#      interval, and `jobfair lost` lists exactly them.
#   3. Bad inputs to `jobfair standby` (an existing target, a missing copy, a copy that is not a
#      database, an old copy) are refused and change nothing.
#   4. `jobfair standby` prepares the standby's database, `jobfair serve` serves it with the same
#      organizer password and kiosk token; the kiosk's outbox sends the walk-in again and the
#      lost check-ins are scanned again: each is taken once, never twice, and the dead server's
#      printed ticket for the lost walk-in is refused as unknown instead of naming someone else.
#   5. `jobfair booth-lists` writes the paper lists from the standby's database.
#
#   tests/e2e/standby.sh BIN_DIR WORK_DIR
set -euo pipefail
bin=${1:?usage: standby.sh BIN_DIR WORK_DIR}
work=${2:?usage: standby.sh BIN_DIR WORK_DIR}
python=/usr/bin/python3
command -v curl >/dev/null || { echo "standby e2e: curl is missing"; exit 77; }
[[ -x $python ]] || { echo "standby e2e: $python is missing"; exit 77; }
interval=3
password="e2e-standby-$$-$RANDOM"
rm -rf "$work" && mkdir -p "$work/usb" "$work/standby"
server_pid=""
simulation_pid=""
cleanup() {
  [[ -n "$simulation_pid" ]] && kill "$simulation_pid" 2>/dev/null || true
  [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null || true
}
trap cleanup EXIT
say() { echo "standby e2e: $*"; }
die() { echo "standby e2e: FAILED: $*" >&2; exit 1; }

source "$(dirname "$0")/serve.sh"

# curl with a JSON body; prints "STATUS BODY".
call() {  # method port path token [body] [idempotency key]
  local args=(-s -o "$work/answer.json" -w '%{http_code}' -X "$1" "http://127.0.0.1:$2/api/v1$3")
  [[ -n "$4" ]] && args+=(-H "Authorization: Bearer $4")
  [[ -n "${6:-}" ]] && args+=(-H "Idempotency-Key: $6")
  [[ -n "${5:-}" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$5")
  local status
  status=$(curl "${args[@]}")
  echo "$status $(cat "$work/answer.json")"
}
field() {  # json-text key
  $python -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"
}

# ---- 1. the server with its online copy, a simulated morning, a kiosk, SIGKILL ---------------
JOBFAIR_ORGANIZER_PASSWORD="$password" serve_in_background "$bin" "$work/server.log" 0 \
  --db "$work/fair.db" --demo --clock-start 07:30 --clock-speed 0 \
  --backup-to "$work/usb" --backup-every "$interval" || die "the server did not start"
copy="$work/usb/fair.backup.db"
organizer=$(field "$(call POST "$port" /auth/login "" "{\"password\": \"$password\"}" | cut -d' ' -f2-)" token)
code=$(field "$(call POST "$port" /admin/enrolment-codes "$organizer" \
  '{"role": "kiosk", "device_name": "Kiosk 1 (cổng chính)"}' | cut -d' ' -f2-)" code)
kiosk=$(field "$(call POST "$port" /auth/enrol "" "{\"code\": \"$code\"}" | cut -d' ' -f2-)" token)

"$bin/jobfair" simulate --server "127.0.0.1:$port" --password "$password" --db "$work/fair.db" \
  --speed 0 --seed 11 --until 09:30 >"$work/simulation.log" 2>&1 &
simulation_pid=$!
until grep -q "^08:00 " "$work/simulation.log"; do
  kill -0 "$simulation_pid" 2>/dev/null || { cat "$work/simulation.log"; die "the simulation ended early"; }
  sleep 0.1
done
# Just after a fresh copy (each copy is a new file renamed into place: a new inode), the kiosk
# registers a walk-in; then the morning goes on a moment and the server dies.
for _ in $(seq 1 200); do [[ -f "$copy" ]] && break; sleep 0.05; done
inode=$(stat -c %i "$copy")
for ((tries = 0; tries < interval * 40; tries++)); do
  [[ "$(stat -c %i "$copy")" != "$inode" ]] && break
  sleep 0.05
done
[[ "$(stat -c %i "$copy")" != "$inode" ]] || { cat "$work/server.log"; die "no new copy in $((interval * 2)) s"; }
copied_at=$(date +%s.%N)
walk_in='{"full_name": "Phạm Thị Thu Hương", "phone": "0358 246 813", "school": "Trường Cao đẳng Y tế Quảng Ninh", "occupation": "nursing", "level": "college", "preferences": ["B25", "B28"], "consent": {"interview": true}}'
answer=$(call POST "$port" /walk-ins "$kiosk" "$walk_in" kiosk1-e2e-standby-0001)
[[ "$answer" == 201* ]] || die "walk-in on the live server: $answer"
dead_ticket=$(field "${answer#* }" ticket)
dead_label=$(field "${answer#* }" ticket_label)
sleep 1
kill -9 "$server_pid"
killed_at=$(date +%s.%N)
wait "$server_pid" 2>/dev/null || true
server_pid=""
kill "$simulation_pid" 2>/dev/null || true
wait "$simulation_pid" 2>/dev/null || true
simulation_pid=""
say "SIGKILL $($python -c "print(round($killed_at - $copied_at, 2))") s after the last copy; walk-in $dead_label was registered after it"
grep -q "bản sao / backup 1 -> " "$work/server.log" || die "no backup was logged"
[[ "$(stat -c %a "$copy")" == 600 ]] || die "the copy's mode is $(stat -c %a "$copy")"
[[ -f "$copy.ticket-key" ]] || die "the ticket key was not copied beside the copy"

# ---- 2. at most one interval lost, and the lost list names exactly those events ---------------
# The dead database is read read-only (its WAL included), the copy as it is.
$python - "$work/fair.db" "$copy" "$killed_at" "$interval" >"$work/lost-expected.txt" <<'EOF'
import sqlite3, sys, datetime
dead, copy, killed_at, interval = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
d = sqlite3.connect(f"file:{dead}?mode=ro", uri=True)
c = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
copy_last = c.execute("SELECT MAX(id) FROM events").fetchone()[0]
lost = d.execute("SELECT id, at, kind, payload FROM events WHERE id > ? ORDER BY id", (copy_last,)).fetchall()
assert lost, "nothing was lost: the kill came too late to test anything"
for event_id, at, kind, _ in lost:
    when = datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()
    # Written in the last interval before the kill (with a second of slack for the copy itself).
    assert killed_at - when <= interval + 1.0, f"lost event {event_id} was written {killed_at - when:.1f} s before the kill"
# The copy is the dead log's prefix: same rows up to its end.
assert d.execute("SELECT id, at, actor, kind, payload FROM events WHERE id <= ? ORDER BY id", (copy_last,)).fetchall() == \
       c.execute("SELECT id, at, actor, kind, payload FROM events ORDER BY id").fetchall()
print(len(lost), lost[0][0], lost[-1][0])
print(" ".join(str(e[0]) for e in lost if e[2] != "schedule.saved"))
# Pre-registered students whose check-in was lost; when none was, one who never came stands in.
copy_checked = {r[0] for r in c.execute("SELECT student FROM check_ins")}
dead_checked = [r[0] for r in d.execute("SELECT student FROM check_ins ORDER BY created_at")]
lost_checked = [s for s in dead_checked if s not in copy_checked and s.startswith("S")]
if not lost_checked:
    lost_checked = [d.execute("SELECT id FROM students WHERE id LIKE 'S%' AND id NOT IN "
                              "(SELECT student FROM check_ins) ORDER BY id DESC LIMIT 1").fetchone()[0]]
print(" ".join(lost_checked))
EOF
read -r lost_count lost_first lost_last < <(sed -n 1p "$work/lost-expected.txt")
listed_ids=$(sed -n 2p "$work/lost-expected.txt")
lost_check_ins=$(sed -n 3p "$work/lost-expected.txt")
say "the copy lacks $lost_count events (#$lost_first-#$lost_last), all from the last $interval s; check-ins to send again: $lost_check_ins"

"$bin/jobfair" lost --copy "$copy" --dead "$work/fair.db" >"$work/lost.txt"
cat "$work/lost.txt"
grep -q "Tổng / Total: $lost_count sự kiện mất / lost events (#$lost_first–#$lost_last)" "$work/lost.txt" ||
  die "the lost list does not count $lost_count events #$lost_first-#$lost_last"
# Every lost event but the re-plans is named on a line of its own, and no other event is.
$python - "$work/lost.txt" "$listed_ids" <<'EOF' || die "the lost list names other events than the lost ones"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
named = sorted(int(m) for m in re.findall(r"^  \d\d:\d\d:\d\d  #(\d+)", text, re.M))
expected = sorted(int(i) for i in sys.argv[2].split())
assert named == expected, (named, expected)
EOF
grep -q "$dead_label" "$work/lost.txt" || die "the lost list does not name the walk-in's ticket $dead_label"
grep -q "Đăng ký tại chỗ / Walk-in registrations: [1-9]" "$work/lost.txt" || die "the walk-in is not grouped"

# ---- 3. bad inputs are refused and change nothing ----------------------------------------------
expect_refusal() {  # exit-code message-part args...
  local want=$1 message=$2 status=0
  shift 2
  "$bin/jobfair" standby "$@" >"$work/refusal.out" 2>"$work/refusal.err" || status=$?
  [[ $status == "$want" ]] || { cat "$work/refusal.err"; die "standby $* exited $status, not $want"; }
  grep -q -- "$message" "$work/refusal.err" || { cat "$work/refusal.err"; die "standby $*: no \"$message\""; }
}
expect_refusal 2 "no such copy" --from "$work/usb/missing.db" --db "$work/standby/fair.db"
echo "Danh sách gian hàng" >"$work/usb/notes.db"
expect_refusal 2 "is not a database" --from "$work/usb/notes.db" --db "$work/standby/fair.db" \
  --ticket-key "$copy.ticket-key"
expect_refusal 2 "no ticket key" --from "$work/fair.db" --db "$work/standby/fair.db" \
  --ticket-key "$work/usb/missing.key"
expect_refusal 2 "no such file of the dead server" --from "$copy" --db "$work/standby/fair.db" \
  --dead "$work/missing.db"
# An old copy: the same database with every event moved back a day (a copy made yesterday).
cp "$copy" "$work/usb/old.db"
$python - "$work/usb/old.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER events_refuse_update")
db.execute("UPDATE events SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at, '-1 day')")
db.commit()
EOF
expect_refusal 1 "the copy is old" --from "$work/usb/old.db" --db "$work/standby/fair.db" \
  --ticket-key "$copy.ticket-key"
[[ -z "$(ls -A "$work/standby")" ]] || { ls -la "$work/standby"; die "a refusal left files behind"; }

# ---- 4. the standby ---------------------------------------------------------------------------
"$bin/jobfair" standby --from "$copy" --db "$work/standby/fair.db" --dead "$work/fair.db" \
  >"$work/standby.txt"
cat "$work/standby.txt"
grep -q "Máy dự phòng sẵn sàng / Standby ready" "$work/standby.txt"
grep -q "jobfair serve --db $work/standby/fair.db" "$work/standby.txt"
[[ "$(stat -c %a "$work/standby/fair.db")" == 600 ]] || die "the standby's database is not 0600"
cmp -s "$copy.ticket-key" "$work/standby/fair.db.ticket-key" || die "the ticket key was not put beside it"
before=$(sha256sum "$work/standby/fair.db")
expect_refusal 2 "already exists" --from "$copy" --db "$work/standby/fair.db"
[[ "$(sha256sum "$work/standby/fair.db")" == "$before" ]] || die "a refusal changed the standby's database"

serve_in_background "$bin" "$work/standby-server.log" 0 --db "$work/standby/fair.db" \
  --clock-start 08:15 --clock-speed 0 || die "the standby's server did not start"
organizer=$(field "$(call POST "$port" /auth/login "" "{\"password\": \"$password\"}" | cut -d' ' -f2-)" token)

# The kiosk keeps its token; its outbox sends the walk-in again with the same key: taken once.
first=$(call POST "$port" /walk-ins "$kiosk" "$walk_in" kiosk1-e2e-standby-0001)
again=$(call POST "$port" /walk-ins "$kiosk" "$walk_in" kiosk1-e2e-standby-0001)
[[ "$first" == 201* ]] || die "the resent walk-in: $first"
[[ "$again" == 200* ]] || die "the walk-in sent a third time: $again"
new_label=$(field "${first#* }" ticket_label)
[[ "$(field "${again#* }" ticket_label)" == "$new_label" ]] || die "the repeat got another ticket"
[[ "$new_label" != "$dead_label" ]] || die "the standby gave the lost ticket number again"
# The slip the dead server printed is refused as unknown, not mapped to someone else.
refused=$(call POST "$port" /check-ins "$kiosk" "{\"ticket\": \"$dead_ticket\"}" kiosk1-e2e-standby-0002)
[[ "$refused" == 422* && "$refused" == *ticket_unknown* ]] || die "the dead server's lost ticket: $refused"
say "walk-in resent: $new_label once (the dead server's $dead_label is refused as unknown)"

# The lost check-ins are scanned again (twice each, as a retry would): each is taken once.
n=0
for student in $lost_check_ins; do
  ticket=$(field "$(call GET "$port" "/students/$student/ticket" "$organizer" | cut -d' ' -f2-)" ticket)
  n=$((n + 1))
  first=$(call POST "$port" /check-ins "$kiosk" "{\"ticket\": \"$ticket\"}" "kiosk1-rescan-$n")
  again=$(call POST "$port" /check-ins "$kiosk" "{\"ticket\": \"$ticket\"}" "kiosk1-rescan-$n")
  [[ "$first" == 201* && "$first" == *'"already_checked_in":false'* ]] || die "$student again: $first"
  [[ "$again" == 200* && "$again" == *'"already_checked_in":true'* ]] || die "$student a third time: $again"
done
kill -TERM "$server_pid"
wait "$server_pid" || die "the standby server did not stop cleanly"
server_pid=""

$python - "$work/standby/fair.db" "$lost_check_ins" <<'EOF' || die "the standby's database holds duplicates"
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
assert db.execute("SELECT COUNT(*) FROM walk_in_submissions WHERE idempotency_key = 'kiosk1-e2e-standby-0001'").fetchone()[0] == 1
assert db.execute("SELECT COUNT(*) FROM student_details WHERE phone = '0358246813'").fetchone()[0] == 1
for student in sys.argv[2].split():
    assert db.execute("SELECT COUNT(*) FROM check_ins WHERE student = ?", (student,)).fetchone()[0] == 1, student
    events = db.execute("SELECT COUNT(*) FROM events WHERE kind = 'student.checked_in' AND "
                        "json_extract(payload, '$.student') = ?", (student,)).fetchone()[0]
    assert events == 1, (student, events)
assert db.execute("SELECT MIN(id) FROM events WHERE id > (SELECT copy_last_event FROM standby_starts)").fetchone()[0] == 10000
EOF
"$bin/jobfair" lost --copy "$work/standby/fair.db" --dead "$work/fair.db" >"$work/lost-after.txt"
grep -q "Máy dự phòng đã ghi thêm" "$work/lost-after.txt" || die "the later comparison misses the standby's events"

# ---- 5. the paper lists ------------------------------------------------------------------------
"$bin/jobfair" booth-lists --db "$work/standby/fair.db" --out "$work/lists" --now 08:15
[[ -f "$work/lists/01-B01.html" && -f "$work/lists/tat-ca-all.html" ]] || die "no booth lists"
grep -q "Bàn 1 / <span class=\"en\">Seat 1" "$work/lists/01-B01.html" || die "B01's list has no seat 1"
grep -q "14/03/2025" "$work/lists/01-B01.html" || die "B01's list is not dated with the fair's date"
say "passed: the copy lagged at most $interval s, the lost list named the $lost_count lost events, the standby took every resend once"

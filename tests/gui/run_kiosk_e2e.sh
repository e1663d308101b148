#!/usr/bin/env bash
# End to end: the real jobfair-kiosk against a real `jobfair serve` on a temporary database.
#   tests/gui/run_kiosk_e2e.sh BUILD_BIN_DIR [OUT_DIR] [SCRIPT] [LANG]
# SCRIPT is
#   e2e      (default) check-in by scanned ticket + one walk-in, then the database and the QR are
#            checked;
#   offline  the offline outbox: the server is stopped under the running kiosk, a walk-in is
#            registered (provisional ticket), the server is started again and the outbox must send
#            it by itself; the walk-in must be in the database exactly once, and sending the same
#            registration again with its idempotency key must change nothing;
#   picks    the booths with no seat left close a minute after opening; a walk-in who chooses only them (their
#            cards say "Hết chỗ hôm nay"): the Result screen gives the reason and the free booths,
#            "Add" takes one, and the server must have promised a seat there (a
#            student.booth_added event, an interview at the booth);
#   other    "Ngành khác / Other trade" (issue 17), on the demo fair with three booths taking CVs:
#            a walk-in types their trade's name, is offered only the booths that take any trade
#            and registers; the database must hold the typed name, no trade code, and no
#            interview at a booth of listed trades. Then those booths are paused and a second
#            kiosk run (other_none) must say that no booth interviews the trade and list the
#            three booths taking CVs;
#   all      every screen, both languages and orientations, for looking at.
# LANG is the kiosk's language for every SCRIPT but all: vi (default) or en (`--lang en`); the
# pictures are named <screen>-<LANG>-portrait.png.
# Needs xvfb-run, sqlite3, curl, zbarimg and python3; exits 77 (ctest's "skipped") when one is
# missing. Under ASan, run with ASAN_OPTIONS=detect_leaks=0: Mesa/llvmpipe leaks at exit.
set -euo pipefail

bin_dir=$(realpath "${1:?usage: run_kiosk_e2e.sh BUILD_BIN_DIR [OUT_DIR] [e2e|offline|picks|other|all] [vi|en]}")
out_dir=${2:-$(mktemp -d /tmp/jobfair-kiosk-e2e.XXXXXX)}
script=${3:-e2e}
lang=${4:-vi}
case "$script" in
    e2e | offline | picks | other | all) ;;
    *) echo "run_kiosk_e2e.sh: SCRIPT is e2e, offline, picks, other or all, not '$script'" >&2; exit 2 ;;
esac
case "$lang" in
    vi | en) ;;
    *) echo "run_kiosk_e2e.sh: LANG is vi or en, not '$lang'" >&2; exit 2 ;;
esac
for tool in xvfb-run sqlite3 curl zbarimg python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (apt-get install xvfb sqlite3 curl zbar-tools python3)"
        exit 77
    fi
done
mkdir -p "$out_dir"
out_dir=$(realpath "$out_dir")
: >"$out_dir/server.log"
work=$(mktemp -d /tmp/jobfair-kiosk-run.XXXXXX)
server_pid=
kiosk_pid=
cleanup() {
    if [[ -n "$kiosk_pid" ]]; then kill "$kiosk_pid" 2>/dev/null || true; wait "$kiosk_pid" 2>/dev/null || true; fi
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for log in kiosk server; do
        [[ -s "$out_dir/$log.log" ]] && { echo "--- last lines of $log.log"; tail -n 30 "$out_dir/$log.log"; }
    done
    exit 1
}
# Every picture the kiosk saved is a contrast check of its text (kiosk/ui/contrast/README.md).
check_contrast() {
    bash "$(dirname "$0")/contrast_check.sh" "$out_dir/kiosk.log" ||
        fail "text below WCAG AA contrast on the kiosk's screens (above)"
}

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export JOBFAIR_ORGANIZER_PASSWORD="e2e-organizer-password"
# The same database and port each time: a restart is the server coming back after a failure.
start_server() {
    "$bin_dir/jobfair" serve --db "$work/fair.db" --demo --listen "127.0.0.1:$port" \
        --clock-start 08:00 --clock-speed 0 >>"$out_dir/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 600); do  # 60 s: a sanitized build on a busy machine starts slowly
        curl -sf "$base/api/v1/hello" >/dev/null && return 0
        kill -0 "$server_pid" 2>/dev/null || fail "the server died while starting"
        sleep 0.1
    done
    fail "the server did not answer within 60 s"
}
stop_server() {
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}
if [[ "$script" == other ]]; then
    # The demo fair with three booths taking CVs (the demo itself has none).
    python3 - "$(dirname "$0")/../../assets/demo-fair.json" "$work/fair.json" <<'PY'
import json, sys
fair = json.load(open(sys.argv[1], encoding="utf-8"))
for booth in fair["booths"]:
    if booth["id"] in ("B03", "B12", "B25"):
        booth["accepts_cvs"] = True
json.dump(fair, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
    "$bin_dir/jobfair" import "$work/fair.json" --db "$work/fair.db" >>"$out_dir/server.log" 2>&1 ||
        fail "could not import the demo fair with CV booths"
fi
start_server

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
organizer=$(curl -sf -X POST "$base/api/v1/auth/login" -d "{\"password\": \"$JOBFAIR_ORGANIZER_PASSWORD\"}" | json_field '["token"]')
code=$(curl -sf -X POST "$base/api/v1/admin/enrolment-codes" -H "Authorization: Bearer $organizer" \
    -d '{"role": "kiosk", "device_name": "Kiosk 1"}' | json_field '["code"]')
ticket=$(curl -sf "$base/api/v1/students/S0087/ticket" -H "Authorization: Bearer $organizer" | json_field '["ticket"]')

# A random first display number: other programs' `xvfb-run -a` on the same machine start at :99,
# and two picking the same number at the same moment make one of them fail.
size=1080x1920
kiosk=(xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1920x1920x24"
       "$bin_dir/jobfair-kiosk" --server "$base" --device-code "$code" --lang "$lang" --size "$size"
       --outbox "$work/outbox.db" --screenshot-dir "$out_dir" --script "$script")

if [[ "$script" == offline ]]; then
    # The kiosk runs in the background and says when it wants the server stopped and started.
    "${kiosk[@]}" >"$out_dir/kiosk.log" 2>&1 &
    kiosk_pid=$!
    wait_for_kiosk() {
        for _ in $(seq 1200); do  # 120 s
            grep -qF "$1" "$out_dir/kiosk.log" && return 0
            kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended before saying '$1'"
            sleep 0.1
        done
        fail "the kiosk did not say '$1' within 120 s"
    }
    wait_for_kiosk "offline: stop the server now"
    stop_server
    echo "server stopped"
    wait_for_kiosk "offline: start the server now"
    # The outbox as it was offline: the registration and its key, to send again afterwards.
    sqlite3 "$work/outbox.db" ".backup '$work/outbox-offline.db'"
    start_server
    echo "server started again"
    status=0
    wait "$kiosk_pid" || status=$?
    kiosk_pid=
    cat "$out_dir/kiosk.log"
    [[ $status -eq 0 ]] || fail "the kiosk exited with status $status"

    provisional=$(sed -n 's/^registered \(P-[A-Z0-9]*\) provisional true$/\1/p' "$out_dir/kiosk.log")
    [[ -n "$provisional" ]] || fail "the kiosk showed no provisional ticket"
    grep -q '^connection: Offline' "$out_dir/kiosk.log" || fail "the kiosk never showed Offline"
    grep -q '^connection: Online (outbox_pending 0)' "$out_dir/kiosk.log" ||
        fail "the kiosk never showed Online with an empty outbox"

    # The kiosk's outbox: one entry, sent, personal data gone, the server's label kept.
    read -r key sent_label sent_at registration_left < <(sqlite3 -separator ' ' "$work/outbox.db" \
        "SELECT idempotency_key, ticket_label, sent_at IS NOT NULL, registration IS NULL FROM outbox;")
    entries=$(sqlite3 "$work/outbox.db" "SELECT count(*) FROM outbox;")
    [[ "$entries" -eq 1 && "$sent_at" -eq 1 && "$registration_left" -eq 1 ]] ||
        fail "the outbox holds $entries entries (sent $sent_at, data deleted $registration_left)"
    offline_key=$(sqlite3 "$work/outbox-offline.db" "SELECT idempotency_key FROM outbox WHERE sent_at IS NULL;")
    [[ "$offline_key" == "$key" ]] || fail "the outbox sent '$key', but held '$offline_key' offline"

    # The server's database: the key once, the student once, checked in.
    submissions=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM walk_in_submissions WHERE idempotency_key = '$key';")
    student=$(sqlite3 "$work/fair.db" "SELECT student FROM walk_in_submissions WHERE idempotency_key = '$key';")
    phone_rows=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM student_details WHERE phone = '0912345617';")
    checked_in=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM check_ins WHERE student = '$student';")
    [[ "$submissions" -eq 1 && "$phone_rows" -eq 1 && "$checked_in" -eq 1 ]] ||
        fail "submissions $submissions, students with the phone $phone_rows, check-ins $checked_in"
    echo "database: walk_in_submissions has $key once -> $student; one student with phone 0912345617; checked in"
    sqlite3 -header -column "$work/fair.db" \
        "SELECT w.idempotency_key, w.student, s.name, d.phone, d.registered_via, c.at_minute
         FROM walk_in_submissions w JOIN students s ON s.id = w.student
         JOIN student_details d ON d.student = w.student JOIN check_ins c ON c.student = w.student
         WHERE w.idempotency_key = '$key';"

    # A lost answer: the same registration sent again with its key is answered, not registered.
    registration=$(sqlite3 "$work/outbox-offline.db" "SELECT registration FROM outbox WHERE idempotency_key = '$key';")
    kiosk_token=$(cat "$work/outbox.db.token")
    answer=$(curl -s -w '\n%{http_code}' -X POST "$base/api/v1/walk-ins" -H "Authorization: Bearer $kiosk_token" \
        -H "Idempotency-Key: $key" -H 'Content-Type: application/json' -d "$registration")
    status=$(tail -n1 <<<"$answer")
    again_label=$(head -n1 <<<"$answer" | json_field '["ticket_label"]')
    [[ "$status" == 200 && "$again_label" == "$sent_label" ]] ||
        fail "sending the registration again: HTTP $status, label '$again_label' (outbox: '$sent_label')"
    after=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM student_details WHERE phone = '0912345617';")
    [[ "$after" -eq 1 ]] || fail "sending the registration again made $after students"
    echo "sent again with its key: HTTP 200, $again_label, still one student"
    check_contrast
    echo "PASS: offline walk-in $provisional synced as $sent_label (screenshots in $out_dir)"
    exit 0
fi

if [[ "$script" == picks ]]; then
    # Half the booths of the busiest trade (the trade the kiosk's script registers with) close a
    # minute after they open: their cards say "Hết chỗ hôm nay", and a walk-in who chooses them
    # can have no interview there whatever a re-plan finds, while the other half still have
    # seats. (At 08:00 nobody is here yet, so every booth has a seat free now: the plan's seats
    # are for students who have not come.) Each line: booth and closing time.
    full=$(curl -sf "$base/api/v1/enterprises" -H "Authorization: Bearer $organizer" | python3 -c '
import json, sys
cards = json.load(sys.stdin)["enterprises"]
count = {}
for c in cards:
    for code in c["occupations"]:
        count[code] = count.get(code, 0) + 1
busiest = min(count, key=lambda code: (-count[code], code))
of_trade = sorted(c["booth"] for c in cards if busiest in c["occupations"])
for c in cards:
    if c["booth"] in of_trade[: max(1, len(of_trade) // 2)]:
        h, m = map(int, c["open"].split(":")); m += 1
        print(c["booth"], "%02d:%02d" % (h + m // 60, m % 60))')
    [[ -n "$full" ]] || fail "the demo fair has no booth of its busiest trade"
    while read -r booth close; do
        curl -sf -X POST "$base/api/v1/booths/$booth/hours" -H "Authorization: Bearer $organizer" \
            -d "{\"close\": \"$close\"}" >/dev/null || fail "could not close $booth at $close"
    done <<<"$full"
    "${kiosk[@]}" 2>&1 | tee "$out_dir/kiosk.log" || fail "the kiosk's script failed"
    grep -q '^no_interview booths_closed free_seats [1-9]' "$out_dir/kiosk.log" ||
        fail "the Result screen offered no free booth to a student whose booths are closed"
    # Added, the student has a seat promised there, or the booth expects to call them from
    # standby (at 08:00 its seats are the plan's for students who have not come).
    read -r added interviews from_standby < <(sed -n 's/^added \(B[0-9]*\) interviews \([0-9]*\) expected_from_standby \([01]\)$/\1 \2 \3/p' "$out_dir/kiosk.log")
    [[ -n "$added" ]] || fail "the kiosk added no booth"
    [[ "$interviews" -ge 1 || "$from_standby" -eq 1 ]] || fail "Add brought neither an interview nor a standby estimate at $added"
    events=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM events WHERE kind = 'student.booth_added' AND json_extract(payload, '$.booth') = '$added';")
    student=$(sqlite3 "$work/fair.db" "SELECT json_extract(payload, '$.student') FROM events WHERE kind = 'student.booth_added';")
    picked=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM preferences WHERE student = '$student' AND booth = '$added';")
    [[ "$events" -eq 1 && "$picked" -eq 1 ]] || fail "booth_added events $events, $added among the picks $picked"
    check_contrast
    echo "PASS: $student added $added: interviews $interviews, expected from standby $from_standby (screenshots in $out_dir)"
    exit 0
fi

if [[ "$script" == other ]]; then
    "${kiosk[@]}" 2>&1 | tee "$out_dir/kiosk.log" || fail "the kiosk's script failed"
    read -r label typed < <(sed -n 's/^registered \([A-Z]-[0-9]*\) other_trade \(.*\)$/\1 \2/p' "$out_dir/kiosk.log") || true
    [[ -n "$label" ]] || fail "the kiosk registered nobody with Other trade"
    [[ "$typed" == "Sửa chữa điện thoại" ]] || fail "the kiosk typed '$typed'"
    # The booths that take any trade, by the server's own cards.
    any_trade=$(curl -sf "$base/api/v1/enterprises" -H "Authorization: Bearer $organizer" | python3 -c '
import json, sys
print(" ".join(c["booth"] for c in json.load(sys.stdin)["enterprises"] if not c["occupations"]))')
    [[ -n "$any_trade" ]] || fail "the demo fair has no booth that takes any trade"
    offered=$(sed -n 's/^other_trade_offered \([0-9]*\)$/\1/p' "$out_dir/kiosk.log")
    [[ "$offered" -eq $(wc -w <<<"$any_trade") ]] || fail "the kiosk offered $offered booths, the fair has $any_trade for any trade"
    student=$(sqlite3 "$work/fair.db" "SELECT student FROM student_details WHERE registered_via = 'walk_in';")
    [[ "$student" == W0001 ]] || fail "the walk-ins are '$student'"
    stored=$(sqlite3 "$work/fair.db" "SELECT d.occupation_text || '|' || coalesce(s.occupation, 'NULL') FROM student_details d JOIN students s ON s.id = d.student WHERE d.student = 'W0001';")
    [[ "$stored" == "Sửa chữa điện thoại|NULL" ]] || fail "W0001 is stored as '$stored'"
    # Picks and interviews only at booths of any trade.
    for booth in $(sqlite3 "$work/fair.db" "SELECT booth FROM preferences WHERE student = 'W0001' UNION SELECT booth FROM interviews WHERE student = 'W0001';"); do
        [[ " $any_trade " == *" $booth "* ]] || fail "W0001 has $booth, which takes listed trades only"
    done
    picks=$(sqlite3 "$work/fair.db" "SELECT group_concat(booth, ' ') FROM preferences WHERE student = 'W0001';")
    echo "database: W0001 ($label) occupation NULL, occupation_text '$typed', picks $picks (any trade: $any_trade)"
    # The organizer's search shows the typed trade.
    found=$(curl -sf "$base/api/v1/students?q=W0001" -H "Authorization: Bearer $organizer" | json_field '["students"][0]["occupation_text"]')
    [[ "$found" == "Sửa chữa điện thoại" ]] || fail "the organizer's search shows '$found'"

    # No booth takes any trade today: the kiosk says so and lists the booths taking CVs.
    for booth in $any_trade; do
        curl -sf -X POST "$base/api/v1/booths/$booth/pause" -H "Authorization: Bearer $organizer" >/dev/null ||
            fail "could not pause $booth"
    done
    kiosk[${#kiosk[@]}-1]=other_none
    "${kiosk[@]}" 2>&1 | tee -a "$out_dir/kiosk.log" || fail "the kiosk's second script failed"
    grep -q '^no_booth cv_booths 3$' "$out_dir/kiosk.log" || fail "the kiosk did not list the 3 booths taking CVs"
    walk_ins=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM student_details WHERE registered_via = 'walk_in';")
    [[ "$walk_ins" -eq 1 ]] || fail "$walk_ins walk-ins after the kiosk had nothing to offer"
    check_contrast
    echo "PASS: $label registered with Other trade at $picks; with those booths paused the kiosk lists 3 CV booths (screenshots in $out_dir)"
    exit 0
fi

"${kiosk[@]}" --ticket "$ticket" 2>&1 | tee "$out_dir/kiosk.log" || fail "the kiosk's script failed"

# (a) the scanned student is checked in; (b) the walk-in reached the database.
check_ins=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM check_ins WHERE student = 'S0087';")
walk_in=$(sqlite3 "$work/fair.db" "SELECT count(*) FROM students WHERE id = 'W0001';")
[[ "$check_ins" -ge 1 ]] || fail "no check_ins row for S0087"
[[ "$walk_in" -eq 1 ]] || fail "the walk-in W0001 is not in the database"
echo "database: S0087 has $check_ins check-in row(s); W0001 registered"

# The two QRs on the result screen, read by a real decoder: the ticket, accepted by the server,
# and the student's status link (issue 16), which opens that student's status and is no ticket.
result_png="$out_dir/result-$lang-portrait.png"
codes=$(zbarimg --raw -q "$result_png")
scanned=$(grep '^JF' <<<"$codes" || true)
status_link=$(grep '/p#' <<<"$codes" || true)
[[ -n "$scanned" && -n "$status_link" ]] || fail "the result screen's codes are not a ticket and a status link: $codes"
status_token=${status_link#*#}
[[ "$status_link" != *"$scanned"* ]] || fail "the status link carries the ticket"
mine=$(curl -sf "$base/api/v1/me/status" -H "Authorization: Bearer $status_token" | json_field '["ticket_label"]')
refused=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/check-ins" \
    -H "Authorization: Bearer $status_token" -d "{\"ticket\": \"$status_token\"}")
[[ "$refused" == 401 ]] || fail "a status token checked in: HTTP $refused"
echo "zbarimg read the status link $status_link: it shows $mine and checks nobody in"
kiosk_token=$(cat "$work/outbox.db.token")
answer=$(curl -s -w '\n%{http_code}' -X POST "$base/api/v1/check-ins" -H "Authorization: Bearer $kiosk_token" \
    -H "Idempotency-Key: e2e-rescan-0001" -d "{\"ticket\": \"$scanned\"}")
status=$(tail -n1 <<<"$answer")
already=$(head -n1 <<<"$answer" | json_field '["already_checked_in"]')
[[ "$status" == 200 && "$already" == True ]] || fail "the server answered $status: $answer"
label=$(head -n1 <<<"$answer" | json_field '["ticket_label"]')
[[ "$mine" == "$label" ]] || fail "the status link shows '$mine', the ticket beside it is '$label'"
echo "zbarimg read $scanned from $result_png; the server answered 200, already_checked_in true"
check_contrast
echo "PASS (screenshots in $out_dir)"

#!/usr/bin/env bash
# The organizer's workbook through real programs: the demo fair (with 12 promised interviews)
# exported as .xlsx, opened and saved again by LibreOffice Calc, and by python3-openpyxl (which
# writes times as numbers, as other programs do), must import back to the same instance; a
# hand-damaged copy must be refused with exit 2, its rows named, and nothing written.
# Usage: sheets_round_trip.sh BIN_DIR WORK_DIR. Exit 77 (skipped) without soffice or openpyxl.
set -euo pipefail
bin=$1
work=$2
command -v soffice >/dev/null || { echo "skipped: no soffice (libreoffice-calc-nogui)"; exit 77; }
/usr/bin/python3 -c "import openpyxl" 2>/dev/null || { echo "skipped: no python3-openpyxl"; exit 77; }
rm -rf "$work" && mkdir -p "$work/lo" "$work/profile"
cd "$work"

"$bin/jobfair" generate --seed 11 --fixed 12 --no-students-csv -o fair.json >/dev/null
"$bin/jobfair" sheets export fair.json -o fair.xlsx >/dev/null

same_fair() {  # instance files equal as JSON documents (Debian's python3, which has openpyxl)
    /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a != b:
    for key in a:
        if a.get(key) != b.get(key):
            print("differs at", key)
    sys.exit(1)
PY
}

# 1. LibreOffice opens and saves it again (its own shared strings, styles and number formats).
soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to xlsx \
    --outdir lo fair.xlsx >/dev/null 2>&1
"$bin/jobfair" sheets import lo/fair.xlsx -o from-libreoffice.json >/dev/null
same_fair fair.json from-libreoffice.json
echo "LibreOffice round trip: same fair"

# 1b. LibreOffice writes every sheet as its own CSV file (UTF-8), with semicolons as in
# Vietnamese locales and with commas; its English locale writes times as "08:00:00 AM" and the date
# month first. The folder of files imports as the same fair.
for separator in 59 44; do
    rm -rf "csv-$separator" && mkdir "csv-$separator"
    soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to \
        "csv:Text - txt - csv (StarCalc):$separator,34,76,1,,0,false,true,false,false,false,-1" \
        --outdir "csv-$separator" fair.xlsx >/dev/null 2>&1
    [ "$(ls "csv-$separator" | wc -l)" -eq 7 ] || { echo "LibreOffice wrote $(ls "csv-$separator" | wc -l) CSV files, not 7"; exit 1; }
    "$bin/jobfair" sheets import "csv-$separator" -o "from-csv-$separator.json" >/dev/null
    same_fair fair.json "from-csv-$separator.json"
done
echo "LibreOffice CSV files (semicolon and comma): same fair"

# 2. openpyxl re-writes every sheet; times become plain numbers with a time format.
/usr/bin/python3 - fair.xlsx openpyxl.xlsx <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
book.save(sys.argv[2])
PY
"$bin/jobfair" sheets import openpyxl.xlsx -o from-openpyxl.json >/dev/null
same_fair fair.json from-openpyxl.json
echo "openpyxl round trip: same fair"

# 3. Damaged by hand: a misspelt level, an unknown booth in a preference, a duplicate student.
/usr/bin/python3 - fair.xlsx damaged.xlsx <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
students = next(s for s in book.worksheets if s.title.startswith("Học sinh"))
header = [c.value for c in students[2]]
level = header.index("Trình độ / Level") + 1
prefs = header.index("Nguyện vọng / Preferences") + 1
students.cell(row=5, column=level).value = "Trung capp"
students.cell(row=7, column=prefs).value = "B99, B01"
students.cell(row=9, column=1).value = students.cell(row=8, column=1).value
book.save(sys.argv[2])
PY
set +e
"$bin/jobfair" sheets import damaged.xlsx -o damaged.json >out.txt 2>err.txt
status=$?
set -e
cat err.txt
[ "$status" -eq 2 ] || { echo "expected exit 2, got $status"; exit 1; }
[ ! -e damaged.json ] || { echo "an instance was written from a damaged workbook"; exit 1; }
grep -q "dòng 5, cột F" err.txt
grep -q "row 7, column H" err.txt
grep -q "“B99”" err.txt
grep -q "row 9, column A.*duplicate student id" err.txt
echo "damaged workbook refused: exit 2, rows named, nothing written"

# 3b. The summary and the supply check an organizer reads before the fair.
"$bin/jobfair" sheets import fair.xlsx --dry-run >dry-run.txt
grep -q "30 gian / booths, 800 học sinh / students" dry-run.txt
grep -q "nothing written" dry-run.txt
[ ! -e fair.db ] || { echo "--dry-run wrote a database"; exit 1; }
"$bin/jobfair" sheets check fair.xlsx >check.txt
grep -q "Booths that will turn most students away" check.txt
grep -Eq "^  B[0-9]+ .*→ [1-9][0-9]* không được phỏng vấn / not interviewed" check.txt
echo "dry run summarises and writes nothing; check lists the booths that turn students away"

# 4. A school's corrected roster into the database that holds the fair: one student renamed, one
# without any commitment left out (their ticket is revoked and listed), then one who holds a
# promised interview left out (refused, nothing changed).
"$bin/jobfair" sheets import fair.xlsx --db fair.db >/dev/null
"$bin/jobfair" tickets --db fair.db --out tickets >/dev/null
promised=$(/usr/bin/python3 -c 'import json; print(json.load(open("fair.json"))["fixed"][0]["student"])')
/usr/bin/python3 - fair.xlsx corrected.xlsx "$promised" both <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
students = next(s for s in book.worksheets if s.title.startswith("Học sinh"))
promised = sys.argv[3]
fixed = {row[0].value for row in next(s for s in book.worksheets if s.title.startswith("Lịch hẹn")).iter_rows(min_row=3)}
# Row 3 is the first student: rename them; delete the first later row whose student holds nothing.
students.cell(row=3, column=2).value = "Nguyễn Văn Sửa Tên"
for row in range(4, students.max_row + 1):
    if students.cell(row=row, column=1).value not in fixed:
        print(students.cell(row=row, column=1).value, file=open("removed.txt", "w"))
        students.delete_rows(row)
        break
book.save(sys.argv[2])
PY
"$bin/jobfair" sheets import corrected.xlsx --db fair.db >roster.txt
cat roster.txt
grep -q "sửa / updated: 1" roster.txt
grep -q "bỏ / removed: 1  $(cat removed.txt)" roster.txt
grep -q "tickets revoked: 1  A-" roster.txt

/usr/bin/python3 - corrected.xlsx breaks-promise.xlsx "$promised" <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
students = next(s for s in book.worksheets if s.title.startswith("Học sinh"))
for row in range(3, students.max_row + 1):
    if students.cell(row=row, column=1).value == sys.argv[3]:
        students.delete_rows(row)
        break
# The workbook itself stays consistent: its promise to that student goes too.
promised = next(s for s in book.worksheets if s.title.startswith("Lịch hẹn"))
for row in range(3, promised.max_row + 1):
    if promised.cell(row=row, column=1).value == sys.argv[3]:
        promised.delete_rows(row)
        break
book.save(sys.argv[2])
PY
cp fair.db before.db
set +e
"$bin/jobfair" sheets import breaks-promise.xlsx --db fair.db >out.txt 2>err.txt
status=$?
set -e
cat err.txt
[ "$status" -eq 2 ] || { echo "expected exit 2, got $status"; exit 1; }
grep -q "$promised (không còn trong danh sách / no longer listed)" err.txt
cmp -s <(sqlite3 before.db .dump) <(sqlite3 fair.db .dump) || { echo "the database changed"; exit 1; }
echo "corrected roster: updated, removed and revoked listed; a broken promise refused, nothing changed"

# 5. A re-import changes students only: a booth with another interviewer is refused, unchanged.
/usr/bin/python3 - corrected.xlsx booth-changed.xlsx <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
booths = next(s for s in book.worksheets if s.title.startswith("Gian"))
# One interviewer more than the workbook says, whatever the generated fair gave B01.
booths.cell(row=3, column=4).value = int(booths.cell(row=3, column=4).value) + 1
book.save(sys.argv[2])
PY
set +e
"$bin/jobfair" sheets import booth-changed.xlsx --db fair.db >out.txt 2>err.txt
status=$?
set -e
[ "$status" -eq 2 ] || { echo "expected exit 2 for a booth change, got $status"; exit 1; }
grep -q "booth differs: B01" err.txt
cmp -s <(sqlite3 before.db .dump) <(sqlite3 fair.db .dump) || { echo "the database changed"; exit 1; }
echo "a booth change on re-import is refused, nothing changed"

#!/usr/bin/env bash
# `jobfair serve` on a new database: the generated organizer password goes to a 0600 file beside
# the database, never to the console (consoles are logged), and it logs the organizer in; the
# database file is 0600 too. Usage: serve_password_file.sh BIN_DIR WORK_DIR
set -euo pipefail
bin=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
umask 022
"$bin/jobfair" generate -o "$work/fair.json" --no-students-csv >/dev/null 2>&1
"$bin/jobfair" import "$work/fair.json" --db "$work/fair.db" >/dev/null
source "$(dirname "$0")/serve.sh"
server_pid=""
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true' EXIT
serve_in_background "$bin" "$work/serve.log" 0 --db "$work/fair.db" || exit 1
file="$work/fair.db.organizer-password"
[ -f "$file" ] || { echo "no password file"; cat "$work/serve.log"; exit 1; }
[ "$(stat -c %a "$file")" = 600 ] || { echo "password file mode $(stat -c %a "$file")"; exit 1; }
[ "$(stat -c %a "$work/fair.db")" = 600 ] || { echo "database mode $(stat -c %a "$work/fair.db")"; exit 1; }
password=$(cat "$file")
if grep -qF -- "$password" "$work/serve.log"; then echo "the password was printed"; exit 1; fi
grep -q "Organizer password written to $file" "$work/serve.log"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
    -d "{\"password\": \"$password\"}")
[ "$status" = 200 ] || { echo "login with the file's password: HTTP $status"; exit 1; }
echo "password in a 0600 file, not on the console, and it logs in; database 0600"

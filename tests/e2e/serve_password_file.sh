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
port=$((20000 + RANDOM % 20000))
"$bin/jobfair" serve --db "$work/fair.db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "Ctrl-C" "$work/serve.log" && break
    sleep 0.1
done
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

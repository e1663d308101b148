#!/usr/bin/python3
"""A hostile student on the venue's Wi-Fi, against a real `jobfair serve` (issue 15).

Each probe prints its figure and fails the run when the server gives way:
  chunked     a 1 GB chunked body: refused with 413 near 64 KiB, server memory grows < 64 MB
  slow        200 connections sending headers a byte at a time, from 4 other addresses: every
              /hello of a normal client is still answered, each within 1 s
  header      a 32 KiB header: 431
  range       a Range header asking for the same bytes 200 times: the answer is the file, once
  streams     100 streams opened with one kiosk token: at most 3 open, the rest 429
  revoke      a revoked kiosk's open stream is closed within a second
  unread      a stream whose client never reads is closed once its buffer is full
  guessing    400 PIN and 400 password guesses from 40 addresses: none reaches a PIN or password
              check (403), the booth's real station and the organizer still log in at once
Usage: attacker.py BASE_URL PASSWORD SERVER_PID
"""
import http.client
import json
import socket
import sys
import threading
import time
import urllib.request

base, password, server_pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
host, port = base.split("//")[1].split(":")
port = int(port)
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def rss_mb():
    with open(f"/proc/{server_pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def call(method, path, body=None, token=None, headers=None):
    request = urllib.request.Request(base + "/api/v1" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def call_from(source, method, path, body=None, token=None):
    connection = http.client.HTTPConnection(host, port, timeout=10, source_address=(source, 0))
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, "/api/v1" + path, None if body is None else json.dumps(body),
                       headers)
    answer = connection.getresponse()
    status, data = answer.status, answer.read()
    connection.close()
    return status, data


def connect(source="127.0.0.1", rcvbuf=None):
    sock = socket.socket()
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.bind((source, 0))
    sock.connect((host, port))
    return sock


def server_side_state(client_port):
    """The TCP state of the server's end of our connection (None when it is gone)."""
    wanted = ("%04X" % port, "%04X" % client_port)
    with open("/proc/net/tcp") as table:
        for line in table.readlines()[1:]:
            fields = line.split()
            local, remote = fields[1].split(":")[1], fields[2].split(":")[1]
            if (local, remote) == wanted:
                return fields[3]
    return None


def read_status(sock, timeout=5.0):
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionError):
        pass
    try:
        return int(data.split(b" ")[1])
    except (IndexError, ValueError):
        return None


status, body = call("POST", "/auth/login", {"password": password})
assert status == 200, (status, body)
organizer = json.loads(body)["token"]


def enrol(name, role="kiosk", booth=None):
    request = {"role": role, "device_name": name}
    if booth:
        request["booth"] = booth
    status, body = call("POST", "/admin/enrolment-codes", request, organizer)
    assert status == 201, body
    status, body = call("POST", "/auth/enrol", {"code": json.loads(body)["code"]})
    assert status == 200, body
    return json.loads(body)["token"]


# --- chunked: a body that never ends, sent in 64 KiB chunks
before = rss_mb()
sock = connect()
sock.sendall(b"POST /api/v1/walk-ins HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
             b"Content-Type: application/json\r\n\r\n")
chunk = b"%x\r\n" % 65536 + b" " * 65536 + b"\r\n"
sent = 0
try:
    while sent < 1024 ** 3:
        sock.sendall(chunk)
        sent += 65536
except (BrokenPipeError, ConnectionResetError):
    pass
status = read_status(sock)
sock.close()
growth = rss_mb() - before
check(status in (413, None) and sent < 64 * 1024 * 1024 and growth < 64,
      f"chunked: refused with {status} after {sent // 1024} KiB sent of 1 GB; "
      f"server memory grew {growth:.1f} MB")

# --- slow headers: 200 connections from 4 other addresses, a byte every 0.2 s
stop = threading.Event()
slow = []
for i in range(200):
    try:
        slow.append(connect(f"127.0.0.{2 + i % 4}"))
    except OSError:
        pass


def trickle():
    line = b"GET /api/v1/hello HTTP/1.1\r\nX-Slow: " + b"a" * 4000
    position = 0
    while not stop.is_set() and position < len(line):
        for s in list(slow):
            try:
                s.send(line[position:position + 1])
            except OSError:
                slow.remove(s)
        position += 1
        time.sleep(0.2)


trickler = threading.Thread(target=trickle)
trickler.start()
time.sleep(1.0)
answered, slowest = 0, 0.0
for _ in range(18):
    started = time.monotonic()
    status, _ = call("GET", "/hello")
    elapsed = time.monotonic() - started
    slowest = max(slowest, elapsed)
    answered += status == 200
    time.sleep(0.1)
held = len(slow)
stop.set()
trickler.join()
for s in slow:
    s.close()
check(answered == 18 and slowest < 1.0,
      f"slow headers: {held} of 200 slow connections held (64 per address), "
      f"{answered} of 18 /hello answered, slowest {slowest * 1000:.0f} ms")

# --- a header larger than the limit
sock = connect()
sock.sendall(b"GET /api/v1/hello HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 32768 + b"\r\n\r\n")
status = read_status(sock)
sock.close()
check(status == 431, f"32 KiB header: {status}")

# --- Range amplification
status, full = call("GET", "/exports/summary.html", token=organizer)
ranges = "bytes=" + ",".join(["0-"] * 200)
status_ranged, ranged = call("GET", "/exports/summary.html", token=organizer,
                             headers={"Range": ranges})
check(status == 200 and len(ranged) <= len(full),
      f"range: {len(ranges)}-byte Range header, answer {len(ranged)} bytes "
      f"for a {len(full)}-byte file (status {status_ranged})")

# --- streams per token
kiosk = enrol("attacker kiosk")
opened, refused = [], 0
for _ in range(100):
    sock = connect()
    sock.sendall(b"GET /api/v1/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                 kiosk.encode() + b"\r\n\r\n")
    status = read_status(sock)
    if status == 200:
        opened.append(sock)
    else:
        refused += status == 429
        sock.close()
check(len(opened) <= 3 and refused == 100 - len(opened),
      f"streams: {len(opened)} of 100 opened with one kiosk token, {refused} refused with 429")

# --- revocation closes the open streams within a second
status, body = call("GET", "/admin/devices", token=organizer)
device = [d for d in json.loads(body)["devices"] if d["name"] == "attacker kiosk"][0]["device"]
started = time.monotonic()
status, _ = call("DELETE", "/admin/devices/" + device, token=organizer)
closed = 0
for sock in opened:
    sock.settimeout(2.0)
    try:
        while sock.recv(65536):
            pass
        closed += 1
    except (socket.timeout, ConnectionError):
        pass
    sock.close()
elapsed = time.monotonic() - started
check(status == 200 and closed == len(opened) and elapsed < 1.5,
      f"revoke: {closed} of {len(opened)} streams closed {elapsed * 1000:.0f} ms after the "
      f"revocation")

# --- a stream nobody reads: events flow (the organizer revokes and reissues tickets, with a long
# reason: cheap events of a few hundred bytes), the client never reads
reader = connect(rcvbuf=4096)
reader.sendall(b"GET /api/v1/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
               organizer.encode() + b"\r\n\r\n")
time.sleep(0.5)
deadline = time.monotonic() + 60
closed_at = None
while time.monotonic() < deadline and closed_at is None:
    for n in range(1, 31):
        call("POST", f"/students/S{n:04d}/ticket/revoke", {"reason": "lost " * 100}, organizer)
        call("POST", f"/students/S{n:04d}/ticket/reissue", {}, organizer)
    state = server_side_state(reader.getsockname()[1])
    if state is None or state in ("04", "05", "0B", "07"):  # gone, FIN_WAIT1/2, CLOSING, CLOSE
        closed_at = time.monotonic()
elapsed = (closed_at or time.monotonic()) - (deadline - 60)
reader.close()
check(closed_at is not None, f"unread stream: closed by the server after {elapsed:.0f} s"
      if closed_at else "unread stream: still open after 60 s")

# --- guessing: PINs and passwords from 40 addresses, 8 at a time, while staff log in
status, body = call("POST", "/admin/booths/B01/pin", {}, organizer)
pin = json.loads(body)["pin"]
wrong_pin = "111111" if pin == "000000" else "000000"
station = enrol("B01 tablet", "booth_station", "B01")
statuses = {}
statuses_lock = threading.Lock()


def guess(worker):
    for n in range(worker, 800, 8):
        source = f"127.0.0.{2 + n % 40}"
        if n % 2:
            status, _ = call_from(source, "POST", "/auth/booth-login",
                                  {"booth": "B01", "pin": wrong_pin})
        else:
            status, _ = call_from(source, "POST", "/auth/login", {"password": "đoán " + str(n)})
        with statuses_lock:
            statuses[status] = statuses.get(status, 0) + 1


started = time.monotonic()
guessers = [threading.Thread(target=guess, args=(w,)) for w in range(8)]
for thread in guessers:
    thread.start()
time.sleep(0.2)
login_started = time.monotonic()
staff_status, _ = call("POST", "/auth/booth-login", {"pin": pin}, station)
organizer_status, _ = call("POST", "/auth/login", {"password": password})
login_time = time.monotonic() - login_started
for thread in guessers:
    thread.join()
flood_time = time.monotonic() - started
check(statuses == {403: 800} and staff_status == 200 and organizer_status == 200,
      f"guessing: 800 guesses from 40 addresses in {flood_time:.1f} s answered {statuses} "
      f"(no PIN or password looked at); meanwhile the station's PIN login {staff_status} and the "
      f"organizer's login {organizer_status}, both within {login_time * 1000:.0f} ms")

print(f"server memory at the end: {rss_mb():.1f} MB")
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""The student's own phone, end to end (issue 16, item 4).

A real `jobfair serve` on a fresh demo database; a student checks in (as the kiosk would, the
organizer's token standing in for the kiosk's); Debian's headless Chromium opens the status URL
of the check-in answer at 360x640, as a cheap Android phone would, and this script checks what
the page shows, presses "Tôi đến muộn / I'm running late" with a real tap (DevTools Input
events), checks the server took it; then a walk-in who chose only booths full for today opens
their page, which must say why no interview is possible and offer the booths with a free seat,
and a tap on "Thêm gian …" must get them a promise there (issue 16, item 7); then it stops the
server and checks that the page keeps the last state under "Mất kết nối — thông tin lúc HH:MM".

Chromium is driven through the DevTools protocol over a pipe (--remote-debugging-pipe): no
WebSocket library, no network port for the browser.

Usage: phone_page.py BIN_DIR WORK_DIR [SCREENSHOT_DIR]
Exit 77 (skipped) without chromium. Screenshots land in WORK_DIR (and SCREENSHOT_DIR if given).
"""
import base64
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

BIN, WORK = sys.argv[1], sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
PASSWORD = "phone-e2e-organizer-password"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Students of the demo fair's first bus, earliest first: one of them gets a promise at check-in.
with open(os.path.join(REPO, "assets", "demo-fair.json"), encoding="utf-8") as demo:
    EARLY = [s["id"] for s in sorted(json.load(demo)["students"],
                                     key=lambda s: (s.get("arrive", "00:00"), s["id"]))][:20]
TIMEOUT = 20


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http(method, url, token=None, body=None, headers=None):
    request = urllib.request.Request(url, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class Browser:
    """Chromium over --remote-debugging-pipe: JSON messages ended by NUL on fds 3 and 4."""

    def __init__(self, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        os.set_inheritable(to_browser_read, True)
        os.set_inheritable(from_browser_write, True)

        def wire_pipes():
            # Out of the way first, so neither end is overwritten by the other's dup2.
            reading = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--hide-scrollbars", "--remote-debugging-pipe", "--user-data-dir=" + profile,
             "--lang=vi", "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire_pipes,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    fail("chromium closed the DevTools pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})
        fail(method + ": no answer from chromium")

    def open_phone(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        self.session = self.send("Target.attachToTarget",
                                 {"targetId": target["targetId"], "flatten": True},
                                 session=False)["sessionId"]
        # A small Android phone: 360x640 CSS pixels, twice as many device pixels.
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True})
        self.send("Page.enable")
        self.send("Runtime.enable")

    def go(self, url):
        self.send("Page.navigate", {"url": url})

    def js(self, expression, while_loading=False):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            if while_loading:
                return None  # the page is not there yet
            fail("page script failed: " + expression)
        return result["result"].get("value")

    def wait_for(self, expression, what):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            value = self.js(expression, while_loading=True)
            if value:
                return value
            time.sleep(0.2)
        fail("the page never showed " + what + "; it shows:\n" +
             str(self.js("document.body.innerText")))

    def tap(self, selector):
        """A finger's tap at the middle of the element, as touch-sized mouse events."""
        box = self.js("(function(){var e=document.querySelector(%s);e.scrollIntoView({block:"
                      "'center'});var r=e.getBoundingClientRect();return [r.x+r.width/2,"
                      "r.y+r.height/2, r.width > 0 && !e.disabled];})()" % json.dumps(selector))
        if not box or not box[2]:
            fail(selector + " is not there to tap")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})

    def screenshot(self, name, scroll_to=None):
        if scroll_to:
            self.js("document.querySelector(%s).scrollIntoView({block: 'center'})"
                    % json.dumps(scroll_to))
        else:
            self.js("window.scrollTo(0, 0)")
        time.sleep(0.2)
        png = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        for folder in filter(None, (WORK, SHOTS)):
            with open(os.path.join(folder, name), "wb") as out:
                out.write(png)

    def close(self):
        self.process.kill()
        self.process.wait()


LEVELS = ["none", "intermediate", "college", "university"]


def eligible(card, trade, level):
    if card["paused"] or (card["occupations"] and trade not in card["occupations"]):
        return False
    return LEVELS.index(card.get("min_level") or "none") <= LEVELS.index(level)


def no_interview_and_add(base, organizer, keep_open):
    """A walk-in whose chosen booths have no seat left: the reason, the free booths, and Add."""
    status, listed = http("GET", base + "/api/v1/enterprises", organizer)
    cards = listed["enterprises"]
    trades = sorted({code for card in cards for code in card["occupations"]})
    for trade in trades:
        full = [c["booth"] for c in cards if eligible(c, trade, "college") and
                not c.get("free_from") and c["booth"] != keep_open][:3]
        free = [c["booth"] for c in cards if eligible(c, trade, "college") and c.get("free_from")]
        if full and free:
            break
    else:
        fail("the demo fair has no trade with both full and free booths at this time")
    # Those booths close a minute after they open: no seat there today, whatever a re-plan finds.
    opens = {c["booth"]: c["open"] for c in cards}
    for booth in full:
        hours, minutes = map(int, opens[booth].split(":"))
        close = "%02d:%02d" % (hours + (minutes + 1) // 60, (minutes + 1) % 60)
        status, closed = http("POST", base + "/api/v1/booths/%s/hours" % booth, organizer,
                              {"close": close})
        if status != 200:
            fail("could not close %s: %s" % (booth, closed))
    form = {"full_name": "Trần Văn Nam", "phone": "0912345699", "school": "Cao đẳng Việt–Hàn",
            "occupation": trade, "level": "college", "preferences": full,
            "consent": {"interview": True}}
    status, answer = http("POST", base + "/api/v1/walk-ins", organizer, form,
                          {"Idempotency-Key": "phone-e2e-full-0001"})
    if status != 201:
        fail("the walk-in was refused: %d %s" % (status, answer))
    if answer.get("no_interview") != "booths_closed" or not answer.get("free_seats"):
        fail("a walk-in to closed booths was not told so: %s" % answer)
    offer = answer["free_seats"][0]
    browser = Browser(os.path.join(WORK, "chromium-profile-full"))
    try:
        browser.open_phone()
        browser.go(answer["status_url"])
        browser.wait_for("document.getElementById('reason').textContent.indexOf("
                         "'Hôm nay chưa thể xếp phỏng vấn cho bạn') >= 0", "the reason")
        text = browser.js("document.body.innerText")
        for expected in ("đã đóng cửa, tạm dừng",
                         "Gian hàng còn chỗ, bạn có thể thêm", "Gian " + offer["booth"],
                         offer["enterprise"], "Còn chỗ từ " + offer["from"],
                         "Thêm gian " + offer["booth"]):
            if expected not in text:
                fail("the page lacks %r; it shows:\n%s" % (expected, text))
        if browser.js("document.documentElement.scrollWidth") > 360:
            fail("the page with free booths is wider than the phone")
        browser.screenshot("phone-no-interview-vi.png")
        browser.tap("#lang")
        browser.wait_for("document.getElementById('reason').textContent.indexOf("
                         "'No interview is possible for you today') >= 0", "the English reason")
        if "Add booth " + offer["booth"] not in browser.js("document.body.innerText"):
            fail("no English Add button")
        browser.screenshot("phone-no-interview-en.png")
        browser.tap("#lang")
        browser.wait_for("document.documentElement.lang === 'vi'", "Vietnamese again")
        browser.tap("#free button[data-booth='%s']" % offer["booth"])
        browser.wait_for("document.getElementById('note').textContent === 'Đã thêm gian %s.'"
                         % offer["booth"], "the added booth's note")
        token = answer["status_url"].split("#", 1)[1]
        status, mine = http("GET", base + "/api/v1/me/status", token)
        booked = [i for i in mine["interviews"]
                  if i["booth"] == offer["booth"] and i["status"] == "promised"]
        if status != 200 or not booked or mine.get("no_interview"):
            fail("adding %s from the phone did not promise a seat: %s" % (offer["booth"], mine))
        browser.wait_for("document.getElementById('reason').className.indexOf('hidden') >= 0",
                         "the reason gone once a seat is promised")
        browser.screenshot("phone-added-vi.png")
        print("phone page: a walk-in to closed booths (%s) read why, added %s and was promised %s"
              % (", ".join(full), offer["booth"], booked[0]["start"]))
    finally:
        browser.close()


def main():
    if not shutil.which("chromium"):
        print("chromium is not installed (scripts/setup.sh installs it): skipped")
        sys.exit(77)
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    environment = dict(os.environ, JOBFAIR_ORGANIZER_PASSWORD=PASSWORD)
    log = open(os.path.join(WORK, "serve.log"), "w")
    server = subprocess.Popen(
        [os.path.join(BIN, "jobfair"), "serve", "--db", os.path.join(WORK, "fair.db"), "--demo",
         "--listen", "127.0.0.1:%d" % port, "--public-url", base, "--clock-start", "07:50",
         "--clock-speed", "0"], stdout=log, stderr=subprocess.STDOUT, env=environment)
    browser = None
    try:
        deadline = time.time() + 30
        while True:
            try:
                if http("GET", base + "/api/v1/hello")[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline or server.poll() is not None:
                fail("the server did not start: " + open(os.path.join(WORK, "serve.log")).read())
            time.sleep(0.2)
        status, hello = http("GET", base + "/api/v1/hello")
        if hello.get("public_url") != base:
            fail("hello gives public_url %r, not %r" % (hello.get("public_url"), base))

        status, login = http("POST", base + "/api/v1/auth/login", body={"password": PASSWORD})
        organizer = login["token"]
        for STUDENT in EARLY:
            status, ticket = http("GET", base + "/api/v1/students/%s/ticket" % STUDENT, organizer)
            status, answer = http("POST", base + "/api/v1/check-ins", organizer,
                                  {"ticket": ticket["ticket"]})
            if status != 201 or not answer.get("status_url", "").startswith(base + "/p#"):
                fail("check-in answer without a status URL: %d %s" % (status, answer))
            if any(i["status"] == "promised" for i in answer["interviews"]):
                break
        url = answer["status_url"]
        token = url.split("#", 1)[1]
        label = answer["ticket_label"]
        if answer["ticket"] in url:
            fail("the status URL carries the ticket")
        promised = [i for i in answer["interviews"] if i["status"] == "promised"]
        if not promised:
            fail("the demo student got no promised interview to show")
        first = promised[0]

        browser = Browser(os.path.join(WORK, "chromium-profile"))
        browser.open_phone()
        browser.go(url)
        browser.wait_for("document.getElementById('line').textContent.indexOf('Cập nhật lúc 07:50')"
                         " >= 0", "'Cập nhật lúc 07:50'")
        text = browser.js("document.body.innerText")
        for expected in ("Số vé " + label, "Gian " + first["booth"], first["enterprise"],
                         "Có mặt tại %s trước" % first["booth"], first["start"], "Tôi đến muộn",
                         "Tôi cần ra ngoài N phút", "Đã hẹn",
                         "Lỡ lần gọi sớm đó, bạn vẫn giữ giờ hẹn của mình."):
            if expected not in text:
                fail("the page lacks %r; it shows:\n%s" % (expected, text))
        # Nobody else's data: no other student's ticket label, no internal id, no name.
        other = next(s for s in EARLY if s != STUDENT)
        status, other_ticket = http("GET", base + "/api/v1/students/%s/ticket" % other, organizer)
        for foreign in (STUDENT, other_ticket["ticket_label"], answer["given_name"]):
            if foreign in text:
                fail("the page shows %r" % foreign)
        width = browser.js("document.documentElement.scrollWidth")
        if width > 360:
            fail("the page is %d px wide on a 360 px screen" % width)
        browser.screenshot("phone-status-vi.png")
        # Below the booked interviews: an early call may come, and missing it costs nothing.
        browser.screenshot("phone-status-early-vi.png", scroll_to="#early")

        browser.tap("#lang")
        browser.wait_for("document.getElementById('line').textContent.indexOf('Updated at 07:50')"
                         " >= 0", "the English words")
        if "I'm running late" not in browser.js("document.body.innerText"):
            fail("no English button")
        browser.screenshot("phone-status-en.png")
        browser.tap("#lang")
        browser.wait_for("document.documentElement.lang === 'vi'", "Vietnamese again")

        browser.tap("#late")
        browser.tap("#late-choices button[data-minutes='10']")
        browser.wait_for("document.getElementById('away-text').textContent.indexOf("
                         "'Bạn đã báo đến muộn, đến lúc 08:00') >= 0", "the late report")
        status, mine = http("GET", base + "/api/v1/me/status", token)
        if status != 200 or (mine.get("away") or {}).get("kind") != "running_late":
            fail("the server did not keep the report: %s" % mine)
        status, queue = http("GET", base + "/api/v1/booths/%s/queue" % first["booth"], organizer)
        shown = [q for q in queue["queue"] if q["id"] == first["id"]]
        if not shown or shown[0].get("whereabouts") != "away":
            fail("the booth's queue does not show the student away: %s" % shown)
        browser.screenshot("phone-running-late-vi.png")

        no_interview_and_add(base, organizer, first["booth"])

        # The server goes away: the page keeps the last state, with its time.
        server.send_signal(signal.SIGKILL)
        server.wait()
        browser.tap("#refresh")
        browser.wait_for("document.getElementById('line').textContent === "
                         "'Mất kết nối — thông tin lúc 07:50'", "the offline line")
        text = browser.js("document.body.innerText")
        if "Số vé " + label not in text or first["enterprise"] not in text:
            fail("offline, the page lost the last state:\n" + text)
        browser.screenshot("phone-offline-vi.png")
        # A reload with the server still gone: the state comes back from the phone's storage.
        stored = browser.js("Object.keys(localStorage).filter(function(k){return "
                            "k.indexOf('jobfair.status.')===0}).length")
        if stored != 1:
            fail("the page keeps %s states in storage, not its own one" % stored)
        print("phone page: %s shown at 360x640 in Vietnamese and English, running late taken "
              "by the server and shown at the booth, last state kept offline" % label)
    finally:
        if browser:
            browser.close()
        if server.poll() is None:
            server.kill()
            server.wait()


main()

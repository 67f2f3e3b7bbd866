"""`cargo xtask soak`: a realistic mix of what people do, at a fixed rate,
for a bounded time, against a server on loopback; every minute it prints
throughput, p50 and p99 latency, unexpected answers and the server's
memory.

Each virtual person has their own organization (two-step sign-in on, the
product's default policy) and a phone, and takes turns between two rounds:
signing in with the password and a texted code (mistyped once first),
reading Security info three times, adding an email address (its emailed
code) and deleting it, signing out; and resetting the password with a
texted code (a new password each time). A person's rounds come seven
minutes apart (each sends a text; the default policy allows ten an hour
to a person); there are as many people as the rate needs. Codes are read from the simulated carrier's and the dev
mailbox's tables, as the handset page reads them. Each person comes from an
address of their own (`X-Forwarded-For`, trusted by the soak's server), as
people do.

Python's standard library only.

usage: mix.py BASE DATABASE MINUTES ROUNDS_PER_MINUTE SERVER_PID PEOPLE
"""

import http.cookiejar
import json
import sqlite3
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request

BASE, DATABASE = sys.argv[1], sys.argv[2]
MINUTES, ROUNDS_PER_MINUTE = float(sys.argv[3]), int(sys.argv[4])
SERVER_PID, PEOPLE = int(sys.argv[5]), int(sys.argv[6])

lock = threading.Lock()
latencies = []  # this minute's, in seconds
counts = {"requests": 0, "rounds": 0, "unexpected": 0}
unexpected = []  # (what, status, body) of this minute


class Browser:
    def __init__(self, address):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.address = address

    def csrf(self):
        for cookie in self.jar:
            if cookie.name == "secinfo-csrf":
                return cookie.value
        return ""

    def call(self, method, path, body=None, expect=(200,), what=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(BASE + path, data=data, method=method)
        request.add_header("content-type", "application/json")
        request.add_header("origin", BASE)
        request.add_header("x-csrf-token", self.csrf())
        request.add_header("x-forwarded-for", self.address)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=30) as answer:
                status, text = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        except Exception as error:  # a refused connection, a timeout
            status, text = 0, str(error).encode()
        took = time.monotonic() - started
        with lock:
            latencies.append(took)
            counts["requests"] += 1
            if status not in expect:
                counts["unexpected"] += 1
                unexpected.append((what or f"{method} {path}", status, text[:200]))
        if status not in expect:
            raise Unexpected(f"{method} {path}: {status}")
        return json.loads(text) if text and text[:1] in (b"{", b"[") else None


class Unexpected(Exception):
    pass


def newest(table, column, to, after):
    """The body of the newest row to `to` after row count `after`, waited for."""
    for _ in range(200):
        db = sqlite3.connect(DATABASE, timeout=10)
        try:
            rows = db.execute(
                f"SELECT body FROM {table} WHERE {column} = ? ORDER BY created_at, id", (to,)
            ).fetchall()
        finally:
            db.close()
        if len(rows) > after:
            return rows[-1][0]
        time.sleep(0.05)
    raise Unexpected(f"nothing arrived for {to}")


def count(table, column, to):
    db = sqlite3.connect(DATABASE, timeout=10)
    try:
        return db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (to,)).fetchone()[0]
    finally:
        db.close()


def code_in(body):
    digits = [w for w in body.replace("#", " ").split() if len(w) == 6 and w.isdigit()]
    return digits[0]


class Person:
    def __init__(self, n):
        self.n = n
        self.account = f"soak-{n}@soak{n}.example"
        self.password = f"Soak-Harbor-{n}-Quiet-0"
        # Half the people begin with a reset: the mix is the same from the
        # first minute to the last.
        self.round = n % 2
        self.address = f"10.77.{n // 250}.{n % 250 + 1}"
        self.phone = f"+316{20000000 + n:08d}"
        self.national = f"06{20000000 + n:08d}"

    def texted_code(self, before):
        return code_in(newest("sim_carrier", "to_number", self.phone, before))

    def set_up(self):
        browser = Browser(self.address)
        browser.call("GET", "/api/session")
        browser.call("POST", "/api/test/users", {
            "account_name": self.account, "password": self.password,
            "display_name": f"Soak {self.n}",
            # The product's default policy, with email addresses allowed
            # (they reset a password).
            "policy": {"methods": [
                {"kind": "authenticator-app", "mfa": True, "sspr": True},
                {"kind": "phone", "mfa": True, "sspr": True},
                {"kind": "email", "mfa": False, "sspr": True},
            ]},
        }, expect=(201,))
        browser.call("POST", "/api/session", {"account_name": self.account, "password": self.password})
        before = count("sim_carrier", "to_number", self.phone)
        challenge = browser.call("POST", "/api/me/phone/challenges", {
            "kind": "phone", "region": "NL", "number": self.national, "delivery": "text",
        }, expect=(201,))
        browser.call("POST", f"/api/me/challenges/{challenge['challenge_id']}/code",
                     {"code": self.texted_code(before)})
        browser.call("DELETE", "/api/session", expect=(200, 204))

    def one_round(self):
        """Sign-ins and resets take turns; each sends one text."""
        self.round += 1
        if self.round % 2 == 0:
            self.reset()
        else:
            self.sign_in_round()

    def sign_in_round(self):
        browser = Browser(self.address)
        browser.call("GET", "/api/session")
        browser.call("POST", "/api/session", {"account_name": self.account, "password": self.password})
        options = browser.call("GET", "/api/me/step-up")
        method = options[0]["method_id"]
        before = count("sim_carrier", "to_number", self.phone)
        challenge = browser.call("POST", "/api/me/step-up",
                                 {"method_id": method, "delivery": "text"}, expect=(200, 201))
        code = self.texted_code(before)
        # A mistyped code first, then the right one.
        wrong = "000000" if code != "000000" else "111111"
        browser.call("POST", f"/api/me/challenges/{challenge['challenge_id']}/code",
                     {"code": wrong}, expect=(400, 422), what="a wrong code")
        browser.call("POST", f"/api/me/challenges/{challenge['challenge_id']}/code", {"code": code})
        for _ in range(3):
            browser.call("GET", "/api/me/security-info")
        # An email address added with its emailed code, then deleted.
        address = f"soak-{self.n}-{self.round}@home{self.n}.example"
        before = count("dev_mailbox", "to_address", address)
        challenge = browser.call("POST", "/api/me/email/challenges", {"address": address},
                                 expect=(201,))
        code = code_in(newest("dev_mailbox", "to_address", address, before))
        info = browser.call("POST", f"/api/me/challenges/{challenge['challenge_id']}/code",
                            {"code": code})
        email = next(m for m in info["methods"] if m.get("kind") == "email")
        browser.call("DELETE", f"/api/me/methods/{email['id']}")
        browser.call("DELETE", "/api/session", expect=(200, 204))

    def reset(self):
        """A password reset with a texted code, to a new password."""
        reset = Browser(self.address)
        reset.call("GET", "/api/session")
        reset.call("POST", "/api/password-reset", {"account_name": self.account}, expect=(200, 204))
        reset.call("GET", "/api/password-reset")
        before = count("sim_carrier", "to_number", self.phone)
        challenge = reset.call("POST", "/api/password-reset/contact",
                               {"channel": "text", "to": self.phone}, expect=(200, 201))
        code = self.texted_code(before)
        reset.call("POST", f"/api/password-reset/contact/{challenge['challenge_id']}/code",
                   {"code": code})
        self.password = f"Soak-Harbor-{self.n}-Quiet-{self.round}"
        reset.call("PUT", "/api/password-reset/password", {"new_password": self.password},
                   expect=(200, 204))


def rss_mib():
    with open(f"/proc/{SERVER_PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


finished = threading.Event()


def person_loop(person, interval, deadline, offset):
    next_round = time.monotonic() + offset
    while True:
        now = time.monotonic()
        if now < next_round and finished.wait(next_round - now):
            return
        if time.monotonic() >= deadline:
            return
        try:
            person.one_round()
            with lock:
                counts["rounds"] += 1
        except Unexpected:
            pass
        # Fixed rate: the next round starts on its schedule, not after a
        # pause; a round that ran late starts the next at once.
        next_round += interval


def main():
    # A person's texts are ten an hour at most (the default policy): each
    # comes back every seven minutes, so the rate needs 7 people per round
    # a minute.
    count_of_people = max(PEOPLE, ROUNDS_PER_MINUTE * 7)
    people = [Person(n) for n in range(count_of_people)]
    print(f"soak: setting up {len(people)} people (each a phone, two-step sign-in on)", flush=True)
    for person in people:
        person.set_up()
    # The set-up's text, too, is past its cooldown before the first round.
    time.sleep(31)
    interval = 60.0 * len(people) / ROUNDS_PER_MINUTE
    started = time.monotonic()
    deadline = started + MINUTES * 60
    threads = [
        threading.Thread(target=person_loop, args=(p, interval, deadline, i * interval / len(people)), daemon=True)
        for i, p in enumerate(people)
    ]
    with lock:
        latencies.clear()
        for key in counts:
            counts[key] = 0
    for thread in threads:
        thread.start()
    print(f"soak: {ROUNDS_PER_MINUTE} rounds a minute (~{ROUNDS_PER_MINUTE * 10} requests) for "
          f"{MINUTES:g} minutes; memory at start {rss_mib():.1f} MiB", flush=True)
    print("minute  rounds  requests/s      p50      p99  unexpected  memory MiB", flush=True)
    memory, all_unexpected, minute = [], 0, 0
    while time.monotonic() < deadline + 1:
        time.sleep(max(0.0, started + (minute + 1) * 60 - time.monotonic()))
        minute += 1
        with lock:
            took = sorted(latencies)
            latencies.clear()
            done = dict(counts)
            for key in counts:
                counts[key] = 0
            seen = list(unexpected)
            unexpected.clear()
        rss = rss_mib()
        memory.append(rss)
        all_unexpected += done["unexpected"]
        p50 = statistics.median(took) * 1000 if took else 0.0
        p99 = took[int(len(took) * 0.99)] * 1000 if took else 0.0
        print(f"{minute:6d}  {done['rounds']:6d}  {done['requests'] / 60:10.1f}  {p50:6.1f} ms "
              f"{p99:6.1f} ms  {done['unexpected']:10d}  {rss:10.1f}", flush=True)
        for what, status, body in seen[:5]:
            print(f"        unexpected: {what} answered {status}: {body!r}", flush=True)
        if minute >= MINUTES:
            break
    finished.set()
    for thread in threads:
        thread.join(timeout=60)
    # Memory after the first minute (the caches warm) against the end.
    settled = memory[1:] or memory
    growth = (max(settled) - min(settled)) / min(settled) * 100 if settled else 0.0
    verdict = "flat" if growth <= 10 else "NOT flat"
    print(f"soak: memory {min(settled):.1f}–{max(settled):.1f} MiB after the first minute "
          f"({growth:.1f} %: {verdict} within 10 %); {all_unexpected} unexpected answers", flush=True)
    return 0 if all_unexpected == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

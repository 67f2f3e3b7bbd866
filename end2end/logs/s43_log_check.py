"""S43: a whole end-to-end run's server log holds none of the secrets the
run used.

The secrets are read from what the run left behind: every code the
simulated carrier texted and the dev mailbox emailed, every token in an
emailed link, every phone number texted or called (whole), and every
password the tests and the demo organization type. The log is the server's
JSON log of the run (`end2end/server-env.ts`). Python's standard library
only; run by `cargo xtask test` after Playwright.

usage: s43_log_check.py LOG DATABASE ROOT
"""

import json
import pathlib
import re
import sqlite3
import sys


def secrets_of_the_run(database, root):
    codes, tokens, numbers, passwords = set(), set(), set(), set()
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    for to_number, body in db.execute("SELECT to_number, body FROM sim_carrier"):
        numbers.add(to_number)
        codes.update(re.findall(r"(?<!\d)\d{6}(?!\d)", body))
    for (body,) in db.execute("SELECT body FROM dev_mailbox"):
        codes.update(re.findall(r"(?<!\d)\d{6}(?!\d)", body))
        for value in re.findall(r"[?&#][a-z_]*=?([A-Za-z0-9_-]{16,})", body):
            tokens.add(value)
    db.close()
    # The passwords the tests type: string literals that look like one
    # (words and digits joined by hyphens); and the demo organization's.
    literal = re.compile(r"""['"`]([A-Z][A-Za-z]+(?:-[A-Za-z0-9]+){1,4}!?)['"`]""")
    for source in list((root / "end2end").glob("*.ts")) + list((root / "end2end/tests").glob("*.ts")):
        for value in literal.findall(source.read_text()):
            if any(c.isdigit() for c in value) and len(value) >= 10:
                passwords.add(value)
    seed = (root / "server/seed/demo-organization.toml").read_text()
    passwords.update(re.findall(r'password = "([^"]+)"', seed))
    return codes, tokens, numbers, passwords


def main():
    log_path, database, root = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    log = pathlib.Path(log_path).read_text(errors="replace")
    lines = log.splitlines()
    answered = sum(1 for line in lines if '"answered"' in line)
    codes, tokens, numbers, passwords = secrets_of_the_run(database, root)
    print(
        f"S43: {len(lines)} log lines ({answered} requests answered); "
        f"searched for {len(codes)} codes, {len(tokens)} link tokens, "
        f"{len(numbers)} phone numbers, {len(passwords)} passwords"
    )
    # A check that finds nothing to look for, or nothing to look in, has
    # not checked anything.
    if answered < 100 or len(codes) < 10 or len(numbers) < 3 or len(passwords) < 3:
        print("S43: the run left too little to search: is the log or the database the run's?")
        return 1
    for line in lines:
        try:
            json.loads(line)
        except ValueError:
            print(f"S43: not a JSON log line: {line[:200]}")
            return 1
    found = []
    for code in codes:
        if re.search(rf"(?<![\d.]){code}(?!\d)", log):
            found.append(("code", code))
    for kind, values in (("token", tokens), ("phone number", numbers), ("password", passwords)):
        for value in values:
            if value in log:
                found.append((kind, value))
        if kind == "phone number":
            for value in values:
                digits = value.lstrip("+")
                if re.search(rf"(?<!\d){digits}(?!\d)", log):
                    found.append((kind, digits))
    for kind, value in found:
        where = next(line for line in lines if value in line)
        print(f"S43: a {kind} is in the log: {where[:300]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

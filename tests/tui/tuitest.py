"""Drive the full-screen program in a real terminal (tmux) and read the
screen back.  Shared by tests/tui/test_*.py; run by ctest with
/usr/bin/python3 and TSUNAGU_BIN set to the built program.

Each Tui has its own tmux server (private socket), its own HOME and XDG
directories and database file, so tests never touch the user's data and
can run in parallel.  Waiting polls the screen until the expected text
appears (no fixed sleeps), with a timeout that fails the test with the
screen that was last seen.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

EXIT_MARK = "__TSUNAGU_EXIT__"


def fail(msg, screen=None):
    sys.stderr.write("FAIL: %s\n" % msg)
    if screen is not None:
        sys.stderr.write("---- screen ----\n%s\n----------------\n" % screen)
    sys.exit(1)


def width(s):
    """Terminal columns of s: East Asian Wide/Fullwidth take two."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def col_of(line, sub):
    """Display column where sub starts in line, or -1."""
    i = line.find(sub)
    return -1 if i < 0 else width(line[:i])


def binary():
    b = os.environ.get("TSUNAGU_BIN")
    if not b or not os.access(b, os.X_OK):
        fail("TSUNAGU_BIN is not set to the built program (got %r)" % b)
    if not shutil.which("tmux"):
        fail("tmux is not installed (scripts/deps installs it)")
    return b


class Tui:
    def __init__(self, cols=80, rows=24, user="山田花子", env=None, db=None):
        self.bin = binary()
        self.tmp = tempfile.mkdtemp(prefix="tsunagu-tui-")
        self.home = os.path.join(self.tmp, "home")
        os.makedirs(self.home)
        self.db = db or os.path.join(self.tmp, "test.db")
        self.sock = "tsunagu-test-%d-%d" % (os.getpid(), id(self) % 100000)
        self.cols, self.rows = cols, rows
        self.env = {
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
            "XDG_STATE_HOME": os.path.join(self.home, ".local", "state"),
            "TSUNAGU_DB": self.db,
            "TERM": "screen",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": os.environ.get("TZ", "Asia/Tokyo"),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        }
        if user is not None:
            self.env["TSUNAGU_USER"] = user
        if env:
            self.env.update(env)
        self.started = False

    # ---- tmux plumbing ----
    def tmux(self, *args, check=True):
        r = subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null"] + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, encoding="utf-8")
        if check and r.returncode != 0:
            fail("tmux %s: %s" % (" ".join(args), r.stderr.strip()))
        return r.stdout

    def start(self, *args):
        envs = " ".join("%s=%s" % (k, shquote(v)) for k, v in sorted(self.env.items()))
        cmd = "env -i %s %s %s; echo %s$?; sleep 600" % (
            envs, shquote(self.bin), " ".join(shquote(a) for a in args), EXIT_MARK)
        # a server just killed may still be going away: retry briefly
        for attempt in range(20):
            r = subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null", "new-session",
                                "-d", "-s", "main", "-x", str(self.cols), "-y",
                                str(self.rows), cmd],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True)
            if r.returncode == 0:
                break
            time.sleep(0.25)
        else:
            fail("cannot start tmux: %s" % r.stderr.strip())
        self.tmux("set-option", "-t", "main", "status", "off")
        self.started = True
        return self

    def close(self):
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- screen ----
    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "main")

    def lines(self):
        return self.screen().split("\n")

    def wait_for(self, *texts, timeout=10.0, gone=False):
        """Waits until every text is on screen (or, with gone, none is) and
        the screen is the same a moment later: a frame still being drawn
        (slow under the sanitizers) shows the texts before its last rows."""
        end = time.time() + timeout
        while True:
            s = self.screen()
            present = [t in s for t in texts]
            if (not gone and all(present)) or (gone and not any(present)):
                time.sleep(0.03)
                if self.screen() == s or time.time() > end:
                    return s
                continue
            if time.time() > end:
                what = [t for t, p in zip(texts, present) if p == gone]
                fail("%s %r after %.0fs" % ("still there:" if gone else "did not appear:",
                                             what, timeout), s)
            time.sleep(0.05)

    def wait_until(self, what, pred, timeout=10.0):
        """Waits until pred(screen) is true; `what` names it for the failure."""
        end = time.time() + timeout
        while True:
            s = self.screen()
            if pred(s):
                return s
            if time.time() > end:
                fail("%s: not seen after %.0fs" % (what, timeout), s)
            time.sleep(0.05)

    def settle(self, *texts, timeout=10.0):
        """Like wait_for, then waits until the screen stops changing, so
        that checks of the whole layout never see a half-drawn frame."""
        s = self.wait_for(*texts, timeout=timeout)
        end = time.time() + timeout
        while time.time() < end:
            time.sleep(0.1)
            now = self.screen()
            if now == s and all(t in now for t in texts):
                return now
            s = now
        fail("screen kept changing", s)

    def send(self, *keys):
        self.tmux("send-keys", "-t", "main", *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", "main", "-l", text)

    def resize(self, cols, rows):
        self.tmux("resize-window", "-t", "main", "-x", str(cols), "-y", str(rows))
        self.cols, self.rows = cols, rows

    def wait_exit(self, timeout=10.0):
        s = self.wait_for(EXIT_MARK, timeout=timeout)
        line = [l for l in s.split("\n") if EXIT_MARK in l][0]
        return int(line.split(EXIT_MARK)[1].strip() or "-1")

    # ---- the command line, on the same file ----
    def cli(self, *args, check=True):
        env = dict(self.env)
        r = subprocess.run([self.bin] + list(args) + ["-d", self.db], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, encoding="utf-8")
        if check and r.returncode != 0:
            fail("tsunagu %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr))
        return r.stdout

    def cli_json(self, *args):
        out = self.cli(*(list(args) + ["--format", "json"]))
        try:
            return json.loads(out)
        except ValueError:
            fail("not JSON from tsunagu %s: %r" % (" ".join(args), out[:300]))


def shquote(s):
    return "'" + str(s).replace("'", "'\\''") + "'"


def check_frame_alignment(screen, cols):
    """Every body row must be exactly `cols` columns wide when its trailing
    border is drawn, and the vertical borders must stand in the same
    display columns on every row of a pane."""
    rows = screen.split("\n")
    for i, line in enumerate(rows):
        if line.endswith("│") or line.endswith("┐") or line.endswith("┘"):
            if width(line) != cols:
                fail("row %d is %d columns wide, not %d: %r" % (i, width(line), cols, line),
                     screen)


def edited_apart(t, name, option, laptop_value, office_value, laptop_user="佐藤 花子"):
    """The README's office ⇄ laptop case: a group `name` in t's file, a
    copy of the file (laptop.db) where laptop_user sets the party's
    `option` (an `edit party` option: "--phone") to laptop_value, and t's
    file where it is set to office_value; merging the copy leaves one
    conflict.  Returns (the party's id, the copy's path)."""
    pid = t.cli("add", "party", "--name", name, "--kind", "org").strip()
    laptop = os.path.join(t.tmp, "laptop.db")
    shutil.copy(t.db, laptop)
    env = dict(t.env, TSUNAGU_USER=laptop_user)
    subprocess.run([t.bin, "edit", "party", pid, option, laptop_value, "-d", laptop],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    t.cli("edit", "party", pid, option, office_value)
    return pid, laptop


def quit_ok(t, *anchors):
    """Goes back with q, each q bringing the screen that shows the next of
    `anchors`, then quits from the main screen with q and fails unless the
    program exits with status 0."""
    for a in anchors:
        t.send("q")
        t.settle(a)
    t.send("q")
    if t.wait_exit() != 0:
        fail("exit status not 0", t.screen())


def find_hint(t, hint, anchor, pages=5):
    """Turns the key bar's pages (`.`) until `hint` ("R レポート") shows on
    a screen that has `anchor`; a bar too long for the terminal shows its
    keys page by page, so a key need not be on the first page."""
    s = t.settle(anchor)
    for _ in range(pages):
        if hint in s:
            return s
        t.send(".")
        s = t.settle(anchor)
    if hint not in s:
        fail("%r is on no page of the key bar" % hint, s)
    return s


def select_area(t, area, steps=12):
    """Moves down the areas pane (j) until the title says `area` is the
    selected one; returns the screen."""
    s = t.settle("全エリア")
    for _ in range(steps):
        if "エリア: " + area in s.split("\n")[0]:
            return s
        t.send("j")
        s = t.settle("全エリア")
    fail("could not select %s in the areas pane" % area, s)

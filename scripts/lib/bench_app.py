#!/usr/bin/python3
"""Drives the full-screen program in a pseudo-terminal for scripts/bench.

  bench_app.py BINARY DB TIMING_FILE first-frame
      starts the program, waits for its first frame, quits.
  bench_app.py BINARY DB TIMING_FILE search Q1 Q2 ...
      Tab to the directory, then for each query: `/`, the query typed one
      character at a time, Backspace once, Esc.  Each key waits for the
      program to be ready again before the next (as a person typing).

The times themselves are written by the program (--timing); this only
types.  Exits non-zero if the program does not answer within 120 s."""
import os
import pty
import select
import subprocess
import sys
import time
import fcntl
import struct
import termios


def lines_of(path):
    try:
        with open(path, encoding="ascii") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


class App:
    def __init__(self, binary, db, timing):
        self.timing = timing
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
        self.proc = subprocess.Popen([binary, "--timing", timing, "-d", db], stdin=slave,
                                     stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.master = master

    def drain(self):
        while select.select([self.master], [], [], 0)[0]:
            try:
                if not os.read(self.master, 65536):
                    return
            except OSError:
                return

    def wait_lines(self, n):
        deadline = time.monotonic() + 600
        while len(lines_of(self.timing)) < n:
            self.drain()
            if time.monotonic() > deadline or self.proc.poll() is not None:
                sys.exit("bench_app: the program did not answer")
            time.sleep(0.001)

    def key(self, data):
        n = len(lines_of(self.timing))
        os.write(self.master, data.encode("utf-8"))
        self.wait_lines(n + 1)

    def quit(self):
        os.write(self.master, b"q")
        deadline = time.monotonic() + 30
        while self.proc.poll() is None and time.monotonic() < deadline:
            self.drain()
            time.sleep(0.01)
        if self.proc.poll() is None:
            self.proc.kill()


def main():
    binary, db, timing, what = sys.argv[1:5]
    app = App(binary, db, timing)
    base = len(lines_of(timing))
    app.wait_lines(base + 1)
    if what == "search":
        app.key("\t")
        for q in sys.argv[5:]:
            app.key("/")
            for ch in q:
                app.key(ch)
            app.key("\x7f")
            app.key("\x1b")
            time.sleep(0.05)   # Esc is told from Alt- keys by a short wait
    app.quit()


main()

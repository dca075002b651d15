"""After the terminal is resized while the program runs, quitting gives the
shell's screen back (issue 12 item 9): a marker written by the shell
before the program started is on the screen again, and nothing of the
program's last frame is left behind."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import EXIT_MARK, Tui, fail, shquote, width  # noqa: E402

MARK = "シェルの画面_ここから"


def start_after_marker(t):
    """Like Tui.start, but the shell first writes MARK on its own screen."""
    envs = " ".join("%s=%s" % (k, shquote(v)) for k, v in sorted(t.env.items()))
    cmd = "echo %s; env -i %s %s; echo %s$?; sleep 600" % (
        shquote(MARK), envs, shquote(t.bin), EXIT_MARK)
    t.tmux("new-session", "-d", "-s", "main", "-x", str(t.cols), "-y", str(t.rows), cmd)
    t.tmux("set-option", "-t", "main", "status", "off")
    t.started = True


def check_restored(t, sizes):
    t.cli("init", "--demo")
    start_after_marker(t)
    t.settle("全エリア")
    for cols, rows in sizes:
        t.resize(cols, rows)
        # the program has drawn itself at the new size
        t.wait_until("a frame %dx%d" % (cols, rows),
                     lambda s: any(l.endswith("┐") and width(l) == cols
                                   for l in s.split("\n")))
        time.sleep(0.3)
    t.send("q")
    s = t.wait_for(EXIT_MARK)
    time.sleep(0.3)
    s = t.screen()
    if MARK not in s:
        fail("the shell's screen was not restored after %s" % (sizes,), s)
    for left in ("全エリア", "つなぐ", "│", "┐"):
        if left in s:
            fail("the program's screen is still shown after quitting (%r)" % left, s)
    for line in s.split("\n"):
        if EXIT_MARK in line and line.strip() != EXIT_MARK + "0":
            fail("the exit line shares a row with the program's frame: %r" % line, s)


def main():
    with Tui(cols=80, rows=24) as t:
        check_restored(t, [(200, 50)])
    with Tui(cols=80, rows=24) as t:
        check_restored(t, [(120, 40), (80, 24)])
    with Tui(cols=80, rows=24) as t:
        # quit right after the resize, before anything else happens
        t.cli("init")
        start_after_marker(t)
        t.settle("全エリア")
        t.resize(200, 50)
        t.send("q")
        t.wait_for(EXIT_MARK)
        time.sleep(0.3)
        s = t.screen()
        if MARK not in s or "全エリア" in s or "│" in s:
            fail("quitting at once after a resize left the program's screen", s)
    print("ok: the shell's screen is back after a resize and quit")


if __name__ == "__main__":
    main()

"""The README's office ⇄ laptop merge at 60 columns: `:merge FILE` in the
app, and the line that says how many conflicts are left and which key
shows them is read whole (it was cut before "(c で確認)" in the summary's
title bar and on the status line); the status line takes the rows above
it when a message is longer than the screen is wide, as a question does.
Reopened, the program says the conflicts are there and that c shows them,
whole; c lists them."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, edited_apart, fail, quit_ok  # noqa: E402

NAME = "諏訪見守りネット"


WANT = "未確認の競合1件(cで確認)"


def joined(lines):
    """Lines joined as one text, spaces left out (a wrap drops the one it
    breaks at)."""
    return "".join(lines).replace(" ", "")


def bottom_text(screen, rows):
    """The last `rows` lines above the key bar, joined."""
    lines = screen.rstrip("\n").split("\n")
    return joined(lines[-1 - rows:-1])


def main():
    with Tui(cols=60, rows=20) as t:
        t.cli("init")
        _, laptop = edited_apart(t, NAME, "--phone", "042-111-1111", "042-222-2222")

        t.start()
        t.settle("全エリア")
        t.send(":")
        t.settle("コマンド (空で Enter: メニュー):")
        t.type("merge " + laptop)
        t.send("Enter")
        s = t.settle("マージしました")
        if WANT not in joined(s.split("\n")[1:6]):
            fail("the summary's counts and key are not read whole", s)
        t.send("q")
        s = t.settle("全エリア", "マージしました")
        if WANT not in bottom_text(s, 2):
            fail("the status line lost the key that shows the conflicts", s)
        quit_ok(t)
        t.tmux("kill-server", check=False)
        t.start()
        s = t.settle("全エリア", "競合")
        if "cで確認できます" not in bottom_text(s, 2):
            fail("at start the conflicts' key is not shown", s)
        t.send("c")
        t.settle("競合 1 件", NAME)
        t.send("Escape")
        t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

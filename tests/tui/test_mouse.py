"""A mouse click focuses the pane under it and selects the row clicked
(DESIGN §8).  The click is sent as the terminal would send it (X10 mouse
report), so this goes through ncurses' own mouse decoding."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, col_of  # noqa: E402


def click(t, x, y):
    for button in (0, 3):            # press, release
        t.type("\x1b[M" + chr(32 + button) + chr(33 + x) + chr(33 + y))


def main():
    with Tui() as t:
        t.cli("init")
        t.start()
        s = t.settle("全エリア", "諏訪中学区", "課題ボード")
        rows = s.split("\n")
        y = [i for i, r in enumerate(rows) if "諏訪中学区" in r][0]
        click(t, 3, y)
        t.wait_for("エリア: 諏訪中学区")
        # a click in the board focuses it (its title gets the focus brackets)
        y = [i for i, r in enumerate(rows) if "課題ボード" in r][0]
        click(t, col_of(rows[y], "課題ボード") + 2, y + 3)
        t.wait_for("[課題ボード]", "H/L 移動")
        t.send("q")
        t.wait_exit()
    print("ok")


if __name__ == "__main__":
    main()

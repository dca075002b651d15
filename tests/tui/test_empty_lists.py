"""A key that acts on a row, pressed in a list that has none yet (a new
file: no events, surveys, requests, key persons), says the list is empty:
「この一覧にはまだ何もありません」.  Enter in the empty events list said
「ここでは使えません」, as if Enter did not work there, and o's O said
「行を選んでください」 with no row to choose."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok, select_area  # noqa: E402

EMPTY = "この一覧にはまだ何もありません"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.start()
        select_area(t, "諏訪中学区")
        for view, anchor, keys in (("v", "行事 0 件", ("Enter", "W", "d")),
                                   ("Q", "アンケート・ヒアリング 0 件", ("Enter", "e")),
                                   ("o", "回答待ちの地域要望", ("Enter", "O")),
                                   ("w", "兼務の多い人", ("Enter",))):
            t.send(view)
            t.settle(anchor)
            for k in keys:
                t.send(k)
                s = t.settle(EMPTY)
                if "ここでは使えません" in s or "行を選んでください" in s:
                    fail("%s in the empty %s list" % (k, view), s)
                t.send("j")                  # the message goes with the next key
                t.wait_for(EMPTY, gone=True)
            t.send("q")
            t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

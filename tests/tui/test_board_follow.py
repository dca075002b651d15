"""A card moved on its own page is still the selected card when the user
goes back to the board: open the first card of 未着手, move it to 対応中
with L on its page, q back, and the board has followed it into 対応中 (the
status line names it); a second L on the board moves the same card on to
保留, never the card that took its place in 未着手.  After u takes a move
back, the selection goes back with the card."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

FIRST = "髙﨑さん宅の見守り訪問"
SECOND = "集会所の鍵の受け渡し"


def status_line(screen):
    return screen.rstrip("\n").split("\n")[-2]


def status_of(t, title):
    for task in t.cli_json("list", "tasks"):
        if task["title"] == title:
            return task["status"]
    fail("no task %s" % title)


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "task", "--title", FIRST, "--area", "諏訪", "--due", "2026-12-01")
        t.cli("add", "task", "--title", SECOND, "--area", "諏訪", "--due", "2026-12-20")
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        s = t.settle("[課題ボード", FIRST)
        if FIRST not in status_line(s):
            fail("fixture: the first card of 未着手 is not selected", s)
        t.send("Enter")
        t.settle("課題・取組: " + FIRST)
        t.send("L")
        t.settle("状態: 対応中")
        t.send("q")
        s = t.settle("[課題ボード")
        status = status_line(s)
        if FIRST not in status:
            fail("back on the board, the moved card is not the selected one: %r" % status, s)
        t.send("L")
        t.settle("「保留」へ移しました")
        if status_of(t, FIRST) != "保留":
            fail("L on the board did not move the card moved on its page")
        if status_of(t, SECOND) != "未着手":
            fail("L on the board moved %s, the card that took the first one's place" % SECOND)
        # u takes the move back: the selection goes back with the card
        t.send("u")
        s = t.settle("取り消しました")
        t.send("j", "k")
        s = t.settle("[課題ボード")
        if FIRST not in status_line(s) or status_of(t, FIRST) != "対応中":
            fail("after u the selection did not go back with the card", s)
        t.send("L")
        t.settle("「保留」へ移しました")
        if status_of(t, FIRST) != "保留" or status_of(t, SECOND) != "未着手":
            fail("L after u did not move the card taken back")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

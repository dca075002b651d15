"""Redo is shown where undo is: the key bar (on one of its `.` pages) of
the areas pane, the directory, the board and a record's page offers
`u/U 取消・やり直し`, so a user who took something back can see how to make
it again; and U makes it again there."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok  # noqa: E402

HINT = "u/U 取消・やり直し"
NAME = "諏訪見守りネット"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "party", "--name", NAME, "--kind", "org")
        t.cli("add", "task", "--title", "見守りの相談", "--area", "諏訪")
        t.start()
        find_hint(t, HINT, "[エリア]")
        t.send("Tab")
        find_hint(t, HINT, "[関係者・団体")
        t.send("Tab")
        find_hint(t, HINT, "[課題ボード")
        t.send("BTab")
        t.settle("[関係者・団体")
        t.send("Enter")
        find_hint(t, HINT, "関係者・団体: " + NAME)
        t.send("d")
        t.settle("削除します")
        t.send("y")
        t.settle("[関係者・団体")
        if t.cli_json("list", "parties"):
            fail("the party was not deleted")
        t.send("u")
        t.settle("取り消しました")
        if not t.cli_json("list", "parties"):
            fail("u did not bring the party back")
        t.send("U")
        t.settle("やり直しました")
        if t.cli_json("list", "parties"):
            fail("U did not delete the party again")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

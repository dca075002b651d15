"""A survey is of a group: in the survey form (Q, a) the 団体 row's pick
list offers groups only, not the people of the same search."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init")
        t.cli("add", "party", "--name", "諏訪自治会", "--kind", "org", "--areas", "諏訪")
        t.cli("add", "party", "--name", "諏訪 花子", "--kind", "person", "--areas", "諏訪")
        t.start()
        t.settle("全エリア")
        t.send("Q")
        t.settle("アンケート")
        t.send("a")
        t.settle("を追加")
        t.send("Enter")
        t.settle("絞込:")
        t.type("諏訪")
        s = t.settle("諏訪自治会")
        if "諏訪 花子" in s:
            fail("the survey's 団体 list offers a person", s)
        t.send("Escape")
        t.send("Escape")
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

"""A row of a key's list cut by a narrow screen shows whole on the status
line (README), however long: a key person's four roles in 兼務 (w) at 80
columns went past the status line and were cut there too (「…会計、 …」), so
the fourth group was nowhere to be read.  The text now takes the rows above
the status line, and the selected row stays in view above it."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

GROUPS = ["諏訪コミュニティセンター運営協議会", "諏訪地域福祉推進委員会",
          "諏訪小学校PTA", "諏訪子ども食堂の会ひまわり"]


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        pid = t.cli("add", "party", "--kind", "person", "--name", "佐々木 一郎",
                    "--areas", "諏訪").strip()
        for g in GROUPS:
            org = t.cli("add", "party", "--kind", "org", "--name", g, "--areas", "諏訪").strip()
            t.cli("add", "membership", "--person_id", pid, "--org_id", org, "--role", "副会長")
        for i in range(24):                   # enough people to fill the screen
            other = t.cli("add", "party", "--kind", "person", "--name", "諏訪 太郎%d" % i,
                          "--areas", "諏訪").strip()
            org = t.cli("add", "party", "--kind", "org", "--name", "会%d" % i,
                        "--areas", "諏訪").strip()
            t.cli("add", "membership", "--person_id", other, "--org_id", org, "--role", "委員")
        t.start()
        select_area(t, "諏訪中学区")
        find_hint(t, "w 兼務", "全エリア")
        t.send("w")
        s = t.settle("兼務の多い人", "佐々木 一郎")
        row = [l for l in s.split("\n") if "佐々木 一郎" in l][0]
        if GROUPS[3] in row:
            fail("the row is not cut at 80 columns; the test shows nothing", s)
        if GROUPS[3] + ": 副会長" not in s.replace("\n", ""):
            fail("the fourth group of the selected person is nowhere on the screen", s)
        t.send("G")
        s = t.settle("兼務の多い人")
        t.send("g")
        s = t.settle("兼務の多い人")
        if "佐々木 一郎" not in s:
            fail("the selected row went under its whole text", s)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

"""An event kept by an older version with a time it took as written
(開始 10時ごろ) can still be edited: Tab passes its 開始 row without the
time being refused, and saving another field keeps the old time."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

TITLE = "諏訪 見守り会議"


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init")
        eid = t.cli("add", "event", "--title", TITLE, "--date", "2026-12-10",
                    "--area", "諏訪", "--place", "諏訪児童館").strip()
        subprocess.run(["sqlite3", t.db, "UPDATE event SET start_time = '10時ごろ' WHERE id = '%s'" % eid],
                       check=True)
        t.start()
        t.settle("全エリア")
        t.send("v")
        t.settle(TITLE)
        t.send("Enter")
        t.settle("行事: " + TITLE)
        t.send("e")
        t.settle("行事を編集")
        t.send("Tab", "Tab", "Tab", "Tab", "Tab")      # 名称 種別 日付 開始 終了 -> 会場
        t.send("C-u")
        t.type("諏訪複合施設")
        t.send("C-s")
        s = t.settle("保存しました")
        if "時刻として読めません" in s:
            fail("the old time was refused", s)
        got = subprocess.run(["sqlite3", t.db, "SELECT start_time || '|' || place FROM event WHERE id = '%s'" % eid],
                             check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
        if got != "10時ごろ|諏訪複合施設":
            fail("saved: %r" % got, s)
        quit_ok(t, "行事", "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

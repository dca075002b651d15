"""Esc on the first count after adding an event leaves the counts, not the
event: the status line said 「取り消しました」 though the event was saved
and listed, and staff added the meeting a second time.  It now says the
event was saved and that W enters the counts later; W then does."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

MEETING = "諏訪 秋のエリアミーティング"


def main():
    with Tui(cols=80, rows=24, env={"TSUNAGU_NOW": "2026-10-01T09:00:00"}) as t:
        t.cli("init")
        t.start()
        select_area(t, "諏訪中学区")
        find_hint(t, "v 行事", "全エリア")
        t.send("v")
        t.settle("行事 0 件")
        t.send("a")
        t.settle("行事を追加")
        t.type(MEETING)
        t.send("C-s")
        t.settle("子ども の参加者数")
        t.send("Escape")
        s = t.settle("行事 1 件", MEETING)
        if "取り消しました" in s:
            fail("the saved event is said to be cancelled", s)
        if "行事を保存しました。世代別の参加者数は W で後から入力できます" not in s:
            fail("the status line does not say the event was saved", s)
        t.send("W")
        for gen in ("子ども", "若者", "現役・子育て", "シニア"):
            t.settle("%s の参加者数" % gen)
            t.type("2")
            t.send("Enter")
        t.settle("世代別の参加者数を保存しました (合計 8 人)")
        quit_ok(t, "全エリア")
        if len(t.cli_json("list", "events")) != 1:
            fail("not one event in the file")
    print("ok")


if __name__ == "__main__":
    main()

"""u after entering a meeting's attendance by generation says which
meeting it took back: 「取り消しました: 行事「諏訪 夏のエリアミーティング」の
世代別参加者数の追加」.  It said 「参加者数 4 件の追加」, naming no meeting,
and the four generations as four records."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

MEETING = "諏訪 夏のエリアミーティング"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "event", "--title", MEETING, "--kind", "エリアミーティング",
              "--date", "2026-06-20", "--area", "諏訪")
        t.start()
        select_area(t, "諏訪中学区")
        find_hint(t, "v 行事", "全エリア")
        t.send("v")
        t.settle("行事 1 件", MEETING)
        t.send("W")
        for gen in ("子ども", "若者", "現役・子育て", "シニア"):
            t.settle("%s の参加者数" % gen)
            t.type("3")
            t.send("Enter")
        t.settle("世代別の参加者数を保存しました (合計 12 人)")
        t.send("u")
        s = t.settle("取り消しました")
        if "行事「%s」の世代別参加者数の追加" % MEETING not in s:
            fail("the undo does not name the meeting whose counts it took back", s)
        t.send("U")
        s = t.settle("やり直しました")
        if "行事「%s」の世代別参加者数の追加" % MEETING not in s:
            fail("the redo does not name the meeting", s)
        quit_ok(t, "全エリア")
        if "世代別参加者数" not in t.cli("undo", "--list"):
            fail("undo --list does not name the counts by their meeting")
    print("ok")


if __name__ == "__main__":
    main()

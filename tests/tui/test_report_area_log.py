"""An area's own log (its meetings) prints: with an area chosen, R →
支援経過記録 offers エリア「…」の経過 first, and the report holds the
area's entries, not another area's; the command line's report log
--area does the same."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok, select_area  # noqa: E402

MINUTES = "エリアミーティング: 防災訓練の役割分担を決めた"
OTHER = "落合の会議のメモ"


def main():
    with Tui(cols=110, rows=30, env={"TSUNAGU_NOW": "2026-11-25T06:17:17"}) as t:
        t.cli("init")
        t.cli("add", "log", "--area", "諏訪", "--kind", "会議", "--date", "2026-11-20",
              "--text", MINUTES)
        t.cli("add", "log", "--area", "落合", "--kind", "会議", "--date", "2026-11-21",
              "--text", OTHER)
        t.cli("add", "task", "--title", "見守りの相談", "--area", "諏訪")
        md = t.cli("report", "log", "--area", "諏訪")
        if MINUTES not in md or OTHER in md:
            fail("report log --area: %r" % md)
        t.start()
        select_area(t, "諏訪中学区")
        t.send("R")
        t.wait_for("支援経過記録")
        t.send("Down", "Enter")
        s = t.settle("エリア「諏訪中学区」の経過", "見守りの相談")
        t.send("Enter")
        name = "諏訪中学区_支援経過記録_2026-11-25.html"
        t.wait_for("保存先", "~/" + name)
        t.send("Enter")
        t.wait_for("支援経過記録を書き出しました")
        html = open(os.path.join(t.home, name), encoding="utf-8").read()
        if MINUTES not in html or OTHER in html:
            fail("the area's report: %r" % html[-800:])
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

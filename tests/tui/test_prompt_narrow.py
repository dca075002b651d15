"""At 60 columns a question typed on the status line keeps its label
whole: the report's 保存先 (what .html, .csv and .md make) was cut to
「保存先 (~ はホーム、.html 印刷用 / …」 and left the file name offered 24
columns, so only its end showed; a label too long to share the line now
stands on the line above, and the file name has the whole line."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok, select_area  # noqa: E402

LABEL = "保存先 (~ はホーム、.html 印刷用 / .csv Excel / .md):"


def main():
    with Tui(cols=60, rows=20, env={"TSUNAGU_NOW": "2026-12-04T09:00:00"}) as t:
        t.cli("init")
        t.start()
        select_area(t, "諏訪中学区")
        t.send("R")
        t.settle("レポートの種類")
        t.send("Enter")              # 地域カルテ
        t.settle("絞込:", "諏訪中学区")
        t.send("Enter")              # the selected area
        s = t.settle("保存先")
        rows = s.rstrip("\n").split("\n")
        if rows[-3].strip() != LABEL:
            fail("the label is not whole on its own line: %r" % rows[-3], s)
        if rows[-2].strip() != "~/諏訪中学区_カルテ_2026-12-04.html":
            fail("the file offered is not shown whole: %r" % rows[-2], s)
        t.send("Escape")
        t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

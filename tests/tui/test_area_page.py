"""An area's own page (Enter on the areas pane) opens the area's views as
the areas pane does: its key bar leads with them (K A v W o w Q T X), and
v (行事), X (一覧表) and T (体制) open for that area; q comes back to the
page."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, select_area  # noqa: E402

AREA = "諏訪中学区"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init", "--demo")
        t.start()
        select_area(t, AREA)
        t.send("Enter")
        page = t.wait_for(AREA, "町丁目")
        for hint in ("K カルテ", "v 行事", "X 一覧表", "T 職員体制"):
            find_hint(t, hint, "町丁目")
        t.send("v")
        s = t.wait_for("行事", "新しい順")
        if AREA not in s.split("\n")[0] + s.split("\n")[1]:
            fail("v on the area's page does not list the area's events", s)
        t.send("q")
        t.wait_for("町丁目")
        t.send("X")
        s = t.wait_for("一覧表 (カテゴリー×庁内部局)")
        if AREA not in s:
            fail("X on the area's page is not the area's matrix", s)
        t.send("q")
        t.wait_for("町丁目")
        t.send("T")
        t.wait_for("未配置")
        t.send("q")
        s = t.wait_for("町丁目")
        if page.split("\n")[0] != s.split("\n")[0]:
            fail("q does not come back to the area's page", s)


main()

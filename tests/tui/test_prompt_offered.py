"""At 80 columns the file name the report offers is seen whole, from its
folder on: the 保存先 label left 28 columns beside it, so
「~/諏訪中学区_カルテ_2026-12-04.html」 showed only from 「_カルテ_…」 and
staff could not see where the file would go.  A label that would hide the
start of the text offered stands on the line above, as a label too long
for the line does at 60 columns (test_prompt_narrow)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok, select_area  # noqa: E402

LABEL = "保存先 (~ はホーム、.html 印刷用 / .csv Excel / .md):"
OFFER = "~/諏訪中学区_カルテ_2026-12-04.html"


def main():
    with Tui(cols=80, rows=24, env={"TSUNAGU_NOW": "2026-12-04T09:00:00"}) as t:
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
        if OFFER not in s:
            fail("the file offered is not shown whole", s)
        if rows[-3].strip() != LABEL or rows[-2].strip() != OFFER:
            fail("the label is not on the line above the file offered", s)
        t.send("Escape")
        t.settle("全エリア")
        # a short offer keeps its label beside it: the search (/) line
        t.send("Tab", "/")
        s = t.settle("検索:")
        if not s.rstrip("\n").split("\n")[-2].startswith("検索:"):
            fail("a short prompt's label left its line", s)
        t.send("Escape")
        t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

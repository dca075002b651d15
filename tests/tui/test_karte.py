"""The 地域カルテ in the app (issue 9): on the demo file, select 諏訪中学区 in
the areas pane, open its カルテ with K (shown on the key bar), read the basic
figures computed from its districts, add a 地域資源 item with a, move it
before the item that was there with -, delete one with d (asked first), and
the command line sees each step: `tsunagu karte 諏訪 --format json`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, select_area  # noqa: E402

AREA = "諏訪中学区"
FIRST = "見守り隊の集い"
NEW = "スマホ教室"


def resources(t):
    """Titles of the area's 地域資源 items, in order, by the CLI."""
    karte = t.cli_json("karte", "諏訪")
    sec = [s for s in karte[0]["sections"] if s["key"] == "resources"]
    if not sec:
        fail("no resources section in %r" % karte)
    return [i["title"] for i in sec[0]["items"]]


def bar_has(t, label):
    """True when the key bar shows `label`, turning its pages with '.'."""
    for _ in range(4):
        s = t.screen()
        if label in s.split("\n")[-2] or label in s.strip().split("\n")[-1]:
            return True
        t.send(".")
        t.settle()
    return False


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init", "--demo")
        t.cli("add", "karte", "--area_id", "諏訪", "--section", "地域資源",
              "--title", FIRST, "--body", "毎週水曜、諏訪の集会所")
        before = resources(t)
        if before[-1] != FIRST:
            fail("fixture: %r" % before)

        t.start()
        select_area(t, AREA)
        if not bar_has(t, "K カルテ"):
            fail("K カルテ is not on the areas pane's key bar", t.screen())
        t.send("K")
        s = t.settle("地域カルテ: " + AREA, "基礎データ", "地域資源")
        if "高齢化率" not in s or "市平均" not in s or "町丁目" not in s:
            fail("basic figures missing", s)
        if FIRST not in s:
            fail("the item added by the CLI is not shown", s)
        if "-/+ 並べ替え" not in s:
            fail("reorder keys not on the key bar", s)

        t.send("Tab")                 # from 基礎データ to 地域資源
        t.send("a")
        s = t.settle("地域カルテを追加", AREA)
        if "地域資源" not in s:
            fail("the section under the cursor is not filled in", s)
        t.type(NEW)                   # the form starts on 見出し under its 項目
        t.send("Tab")                 # 内容
        t.type("毎月第2土曜、諏訪複合施設で")
        t.send("C-s")
        s = t.settle("保存しました", NEW)
        after = resources(t)
        if after != before + [NEW]:
            fail("after a: %r" % after, s)

        t.send("-")                   # the new item, under the cursor, one up
        s = t.settle("並び順を変えました")
        lines = t.lines()
        new_at = [i for i, l in enumerate(lines) if NEW in l]
        first_at = [i for i, l in enumerate(lines) if FIRST in l]
        if not new_at or not first_at or new_at[0] > first_at[0]:
            fail("the new item is not above %s on the screen" % FIRST, s)
        after = resources(t)
        if after[-2:] != [NEW, FIRST]:
            fail("after -: %r" % after, s)

        t.send("+")
        t.settle("並び順を変えました")
        if resources(t)[-2:] != [FIRST, NEW]:
            fail("after +: %r" % resources(t), t.screen())
        t.send("-")
        t.settle("並び順を変えました")

        t.send("d")
        t.wait_for("を削除しますか")
        t.send("y")
        s = t.settle("削除しました")
        if NEW in s:
            fail("the deleted item is still shown", s)
        after = resources(t)
        if after != before:
            fail("after d: %r, wanted %r" % (after, before), s)

        t.send("q", "q")
        if t.wait_exit() != 0:
            fail("exit status", t.screen())


if __name__ == "__main__":
    main()

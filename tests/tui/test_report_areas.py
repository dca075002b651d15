"""The reports menu (R) lists the areas in the areas pane's order (their
並び順, then name), not in the order they were made: with 鶴牧中学区 moved
to the top and 第一小学区 to the bottom, both lists read the same."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402


def order(s, names, left):
    """The names in the order of the screen's rows; `left` keeps the part
    of each row before (True) or after (False) the areas pane's edge."""
    rows = s.split("\n")[1:]
    seen = []
    for r in rows:
        part = r.split("││")[0] if left else r.split("││", 1)[-1]
        for n in names:
            if n in part and n not in seen:
                seen.append(n)
    return seen


def main():
    with Tui(cols=100, rows=34) as t:
        t.cli("init")
        areas = [a["name"] for a in t.cli_json("list", "areas")]
        t.cli("edit", "area", "鶴牧", "--sort", "-1")
        t.cli("edit", "area", "第一小学区", "--sort", "999")
        t.start()
        s = t.settle("全エリア", "鶴牧中学区")
        pane = order(s, areas, True)
        if len(pane) != len(areas) or pane[0] != "鶴牧中学区" or pane[-1] != "第一小学区":
            fail("the areas pane does not follow 並び順: %s" % pane, s)
        t.send("R")
        t.settle("レポートの種類", "地域カルテ")
        t.send("Enter")                      # 地域カルテ: asks the area
        s = t.settle("全エリア (1エリア1ページ)", "第一小学区")
        box = [r for r in s.split("\n") if "│ " in r]
        menu = order("\n" + "\n".join(r.split("│ ", 1)[1] for r in box), areas, True)
        if menu != pane:
            fail("the report's areas are in another order:\n%s\nnot the pane's\n%s"
                 % (menu, pane), s)
        t.send("Escape")
        t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

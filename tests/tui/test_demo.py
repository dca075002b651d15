"""The demo shows the product (issue 12, item 5): `tsunagu --demo` on a
fresh account asks the name first, then makes the demo file in the data
folder with a fifth of the tasks assigned to that person, some overdue and
some due this week, titles that name a place of their own area, and
district figures so that every area has an aging rate."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

USER = "多摩 一郎"
TODAY = "2026-11-25"
AREA_PLACE = {"第一小学区": "関戸", "東寺方小学区": "桜ヶ丘", "第二小学区": "和田",
              "聖ヶ丘中学区": "聖ヶ丘", "東愛宕中学区": "愛宕", "諏訪中学区": "諏訪",
              "多摩永山中学区": "永山", "青陵中学区": "豊ヶ丘", "落合中学区": "落合",
              "鶴牧中学区": "鶴牧"}


def main():
    with Tui(user=None, cols=120, rows=40, env={"TSUNAGU_NOW": TODAY + "T09:00:00"}) as t:
        demo = os.path.join(t.env["XDG_DATA_HOME"], "tsunagu", "demo.db")
        t.start("--demo")
        t.wait_for("はじめに", "氏名")
        t.type(USER)
        t.send("Enter")
        t.wait_for("役割")
        t.send("Enter")
        s = t.settle("全エリア", "利用者: " + USER, "鶴牧中学区")
        # every area row shows an aging rate (a percentage with one decimal)
        for area in AREA_PLACE:
            row = [l for l in s.split("\n") if l.startswith("│" + area)]
            if not row or not re.search(r"\b\d{2}\.\d\b", row[0]):
                fail("no aging rate on the row of %s" % area, s)
        t.send("m")
        s = t.settle("私の担当課題")
        body = s.split("\n")[1:-2]
        if not any(USER in l for l in body):
            fail("私の担当 shows no task of the demo's maker", s)
        if "!" not in "".join(body):
            fail("私の担当 shows no overdue task for the demo's maker", s)
        t.send("q")                          # leaves 私の担当
        t.wait_for("私の担当課題", gone=True)
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())

        if not os.path.exists(demo):
            fail("the demo file was not made at %s" % demo)
        if os.path.exists(t.db):
            fail("--demo touched the default file %s" % t.db)
        if os.stat(demo).st_mode & 0o077:
            fail("the demo file is readable by others")
        t.db = demo
        mine = t.cli_json("list", "mine")
        if not mine:
            fail("no tasks for %s in the demo" % USER)
        due = sorted(r["due"] for r in mine if r.get("due"))
        if not any(d < TODAY for d in due):
            fail("no overdue task of the demo's maker: %r" % due)
        if not any(TODAY <= d <= "2026-12-01" for d in due):
            fail("no task due this week: %r" % due)
        if len({r["area"] for r in mine}) < 5:
            fail("the maker's tasks sit in too few areas: %r" % {r["area"] for r in mine})
        tasks = t.cli_json("list", "tasks")
        others = {r["assignee"] for r in tasks} - {USER}
        if len(others) < 2:
            fail("no fictional colleagues among the assignees: %r" % others)
        for r in tasks:
            place = AREA_PLACE.get(r["area"])
            if place and not r["title"].startswith(place):
                fail("task %r of %s names another area's place" % (r["title"], r["area"]))


if __name__ == "__main__":
    main()

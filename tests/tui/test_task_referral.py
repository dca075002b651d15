"""The task form has the two fields of schema 4, きっかけ and つなぎ先, as pick
lists of their choices (data/choices.tsv): chosen in the form, saved, and
shown on the task's page and by `show task`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TASK = "独居の方の見守り"


def pick(t, typed, want):
    """Enter opens the row's list; typed letters filter; Enter takes it."""
    t.send("Enter")
    t.wait_for("絞込")
    t.type(typed)
    t.wait_for(want)
    t.send("Enter")


def main():
    with Tui() as t:
        t.cli("init")
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        t.wait_for("課題ボード")
        t.send("a")
        t.wait_for("課題・取組を追加", "きっかけ", "つなぎ先")
        t.type(TASK)
        for _ in range(11):              # 状態 .. 優先度, then きっかけ
            t.send("Tab")
        pick(t, "民生", "民生委員")
        t.wait_for("民生委員")           # and on to つなぎ先
        pick(t, "包括", "地域包括支援センター")
        t.wait_for("地域包括支援センター")
        t.send("C-s")
        t.wait_for("保存しました")
        rows = [r for r in t.cli_json("list", "tasks") if r["title"] == TASK]
        if not rows:
            fail("the task was not saved", t.screen())
        shown = t.cli("show", "task", rows[0]["id"])
        for line in ("きっかけ: 民生委員", "つなぎ先: 地域包括支援センター"):
            if line not in shown:
                fail("show task lacks %r:\n%s" % (line, shown))
    print("ok")


if __name__ == "__main__":
    main()

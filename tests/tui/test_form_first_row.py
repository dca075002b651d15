"""Shift-Tab (or ↑) on a form's first row keeps the user typing in it: it
ended the row's editing without moving anywhere, so the title typed next
went nowhere (no cursor, nothing shown) and the form would not save
(件名 が空); now the title typed after it is saved.  The form also says
when rows are out of sight (at 60×20 a task's 関係者, ニーズ and 内容 are
below the last row shown): ↓ 下にあと 3 項目."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

TITLE = "髙﨑さん宅の見守り訪問"


def main():
    with Tui(cols=60, rows=20) as t:
        t.cli("init")
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        t.settle("[課題ボード")
        t.send("a")
        s = t.settle("課題・取組を追加", "件名")
        if "↓ 下にあと 3 項目" not in s:
            fail("the rows below the screen are not announced", s)
        t.send("BTab")
        t.type(TITLE)
        t.settle(TITLE)
        t.send("Up")
        t.send("C-s")
        t.settle("[課題ボード", "保存しました")
        tasks = t.cli_json("list", "tasks")
        if [x["title"] for x in tasks] != [TITLE]:
            fail("the title typed after Shift-Tab was not saved: %r" % tasks, t.screen())
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

"""The department's answer, typed on the status line when O moves a
地域要望 to 回答済, is not lost to one Esc: Esc after typing asks
「入力した内容を破棄しますか?」, n goes back to the text as it was (Enter
then records it), y leaves it (the request stays 部局照会中).  Before, Esc
dropped a whole typed answer silently."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

TITLE = "諏訪2丁目の街路灯の増設要望"
ANSWER = "来年度に2基を増設する予定です"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "department", "--name", "道路交通課")
        tid = t.cli("add", "task", "--title", TITLE, "--area", "諏訪", "--kind", "地域要望",
                    "--department_id", "道路交通課", "--request_state", "部局照会中").strip()
        t.start()
        select_area(t, "諏訪中学区")
        find_hint(t, "o 要望", "全エリア")
        t.send("o")
        t.settle("回答待ちの地域要望", TITLE)
        t.send("O")
        t.settle("部局の回答:")
        t.type(ANSWER)
        t.settle(ANSWER)
        t.send("Escape")
        t.settle("入力した内容を破棄しますか?")
        t.send("n")
        s = t.settle("部局の回答: " + ANSWER)
        if "破棄しますか" in s:
            fail("n did not go back to the answer", s)
        t.send("Escape")
        t.settle("入力した内容を破棄しますか?")
        t.send("y")
        t.settle("取り消しました")
        if "回答済" in t.cli("show", "task", tid):
            fail("y on the question still recorded the answer")
        t.send("O")
        t.settle("部局の回答:")
        t.send("Escape")                      # nothing typed: no question
        s = t.settle("取り消しました")
        if "破棄しますか" in s:
            fail("Esc on an empty answer asks", s)
        t.send("O")
        t.settle("部局の回答:")
        t.type(ANSWER)
        t.send("Escape")
        t.settle("入力した内容を破棄しますか?")
        t.send("n")
        t.settle("部局の回答: " + ANSWER)
        t.send("Enter")
        t.settle("要望を「回答済」にしました")
        out = t.cli("show", "task", tid)
        if "要望の状況: 回答済" not in out or ANSWER not in out:
            fail("the answer kept after n was not recorded:\n" + out)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

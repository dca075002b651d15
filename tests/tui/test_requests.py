"""Area requests in the app (issue 9, part 9): O on a 地域要望 card moves it
to 部局照会中 (asking which department, since none is set); o lists it under
its department with days waiting; on the task's page (whose key bar shows
O) O asks for the department's answer and records it as 回答済.  O on a
task that is not a 地域要望 says why and changes nothing; the task form
shows the request fields only on a 地域要望."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TITLE = "通学路の街灯"
ANSWER = "来年度に設置します"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "department", "--name", "道路課", "--kana", "どうろか")
        tid = t.cli("add", "task", "--title", TITLE, "--area", "諏訪", "--kind", "地域要望").strip()
        other = t.cli("add", "task", "--title", "見守り訪問", "--area", "落合",
                      "--kind", "地域支援", "--status", "対応中").strip()
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        s = t.settle("[課題ボード", TITLE)
        for _ in range(3):
            if "O 要望を進める" in s:
                break
            t.send(".")
            s = t.settle("[課題ボード")
        if "O 要望を進める" not in s:
            fail("the board's key bar never shows O 要望を進める", s)
        t.send("O")
        t.settle("照会する部局を選ぶ", "道路課")
        t.send("Enter")
        t.settle("要望を「部局照会中」にしました")
        out = t.cli("show", "task", tid)
        for want in ("要望の状況: 部局照会中", "状態: 保留", "担当部局: 道路課"):
            if want not in out:
                fail("after O: %s missing:\n%s" % (want, out))
        # the open requests by department
        t.send("o")
        s = t.settle("回答待ちの地域要望", "■ 道路課")
        row = [l for l in s.split("\n") if TITLE in l]
        if not row or "部局照会中" not in row[0] or "0 日" not in row[0]:
            fail("the request's row (state, days waiting) is not shown", s)
        if "O 要望を進める" not in s:
            fail("the list's key bar lacks O", s)
        t.send("Enter")                      # its page
        s = t.settle("課題・取組: " + TITLE)
        if "O 要望を進める" not in s:
            t.send(".")
            s = t.settle("O 要望を進める")
        t.send("O")
        s = t.settle("部局の回答:")
        # the bottom line says the keys of the answer being typed, not the page's
        bottom = s.rstrip("\n").split("\n")[-1]
        if "Enter 確定" not in bottom or "Esc 取消" not in bottom or "O 要望を進める" in bottom:
            fail("while the answer is typed the bottom line is %r" % bottom, s)
        t.type(ANSWER)
        t.send("Enter")
        s = t.settle("要望を「回答済」にしました")
        if ANSWER not in s:
            fail("the page does not show the answer", s)
        out = t.cli("show", "task", tid)
        for want in ("要望の状況: 回答済", "状態: 対応中", "部局の回答: " + ANSWER, "回答日:"):
            if want not in out:
                fail("after the answer: %s missing:\n%s" % (want, out))
        t.send("e")                          # the form of a request shows its fields
        t.settle("件名", "要望の状況", "部局の回答")
        t.send("Escape")
        t.settle("課題・取組: " + TITLE)
        t.send("q")                          # back to the list
        s = t.settle("回答待ちの地域要望", "回答済")
        t.send("q")
        t.settle("[課題ボード")
        # not a request: O says so, nothing changes
        t.send("/")
        t.type("見守り訪問")
        t.send("Enter")
        t.settle("検索")
        t.send("h", "h", "h", "l")           # the 対応中 column, its only card
        t.send("O")
        t.settle("地域要望の課題だけ")
        t.send("e")                          # another kind's form hides them
        s = t.settle("件名", "内容")
        if "要望の状況" in s or "照会日" in s:
            fail("a 地域支援 task's form shows the request fields", s)
        t.send("Escape")
        t.settle("[課題ボード")
        out = t.cli("show", "task", other)
        if "要望の状況" in out or "状態: 対応中" not in out:
            fail("the other task changed:\n" + out)
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())
    print("ok")


if __name__ == "__main__":
    main()

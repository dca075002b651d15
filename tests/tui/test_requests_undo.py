"""O in the list of open requests (o) says 「要望を「部局照会中」にしました
(u で取り消し)」, and u there takes the step back at once: it said
ここでは使えません, so the only way back was to leave the list first.  The
list's key bar shows u/U; U does the step again."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

TITLE = "諏訪公園の草刈り要望"


def row(s):
    rows = [l for l in s.split("\n") if TITLE in l]
    return rows[0] if rows else ""


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "department", "--name", "道路交通課")
        tid = t.cli("add", "task", "--title", TITLE, "--area", "諏訪", "--kind", "地域要望",
                    "--department_id", "道路交通課").strip()
        t.start()
        select_area(t, "諏訪中学区")
        find_hint(t, "o 要望", "全エリア")
        t.send("o")
        s = t.settle("回答待ちの地域要望", TITLE)
        if "受付" not in row(s):
            fail("the request is not 受付 at first", s)
        t.send("O")
        s = t.settle("要望を「部局照会中」にしました (u で取り消し)")
        if "部局照会中" not in row(s):
            fail("O did not move the request on", s)
        find_hint(t, "u/U 取消・やり直し", "回答待ちの地域要望")
        t.send("u")
        s = t.settle("取り消しました")
        if "受付" not in row(s) or "部局照会中" in row(s):
            fail("u in the list did not take the step back", s)
        if "部局照会中" in t.cli("show", "task", tid):
            fail("the file still has the request asked")
        t.send("U")
        s = t.settle("やり直しました")
        if "部局照会中" not in row(s):
            fail("U in the list did not do the step again", s)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

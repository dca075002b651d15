"""The open requests (o) count days waiting from the day a department was
asked: a request not asked yet shows 未照会 as its date asked and no days
(not "0 日", which read as "asked today"); one asked on 11月1日 shows 24 日
on 11月25日."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

TODAY = "2026-11-25"


def main():
    with Tui(cols=100, rows=24, env={"TSUNAGU_NOW": TODAY + "T09:00:00"}) as t:
        t.cli("init")
        t.cli("add", "task", "--title", "通学路の街灯", "--area", "諏訪", "--kind", "地域要望",
              "--asked_on", "2026-11-01")
        t.cli("add", "task", "--title", "公園のベンチ", "--area", "諏訪", "--kind", "地域要望")
        t.start()
        t.settle("全エリア")
        t.send("o")
        s = t.settle("回答待ちの地域要望", "公園のベンチ", "通学路の街灯")
        asked = [l for l in s.split("\n") if "通学路の街灯" in l][0]
        unasked = [l for l in s.split("\n") if "公園のベンチ" in l][0]
        if "24 日" not in asked:
            fail("the request asked on 11-01 does not wait 24 日", s)
        if "未照会" not in unasked:
            fail("the request not asked yet does not say 未照会", s)
        if "日" in unasked.split("未照会", 1)[1]:
            fail("the request not asked yet shows days waiting: %r" % unasked, s)
        t.send("q")
        t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

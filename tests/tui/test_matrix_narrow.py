"""At 60 columns the department matrix (X) wraps its legend rather than
cutting it: 「◇空白 どの部…」 and 「意 意見…」 lost what the marks mean;
the grid gives up the rows the legend takes and still reaches its last
category (町内会) by moving down."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok, select_area  # noqa: E402


def main():
    with Tui(cols=60, rows=20) as t:
        t.cli("init", "--demo")
        t.start()
        select_area(t, "諏訪中学区")
        t.send("X")
        s = t.settle("一覧表", "件数:")
        text = "".join(s.split("\n")).replace(" ", "")
        for want in ("意意見・考え方", "◇空白どの部局も取組中なし", "(重複・類似の可能性)"):
            if want not in text:
                fail("the legend is cut: %s is missing" % want, s)
        for _ in range(12):
            t.send("j")
        s = t.settle("町内会 ×")
        if "町内会" not in s.split("件数:")[0]:
            fail("the last category is not reached", s)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

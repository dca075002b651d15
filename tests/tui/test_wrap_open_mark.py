"""Wrapped Japanese text never ends a line with an opening mark (禁則):
at 80 columns the help said 「…新しい順に (」 and went on 「Enter で詳細、
…)」, and 「…改行 (」 「メモ帳と同じ)」.  The mark now starts the next line
with what it opens.  Checked on the whole help at 80 and 60 columns."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

OPENING = ("(", "（", "「", "『", "【", "〔", "[")


def check(cols):
    with Tui(cols=cols, rows=200) as t:
        t.cli("init")
        t.start()
        t.settle("全エリア")
        t.send("?")
        s = t.settle("キー一覧", "入力欄")
        for line in s.split("\n")[1:-2]:
            if line.rstrip().endswith(OPENING):
                fail("at %d columns a help line ends with an opening mark: %r"
                     % (cols, line), s)
        if cols == 80 and "(Enter で詳細" not in s:
            fail("the events' help does not keep 「(Enter で詳細」 together", s)
        t.send("q")
        t.settle("全エリア")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())


def main():
    check(80)
    check(60)
    print("ok")


if __name__ == "__main__":
    main()

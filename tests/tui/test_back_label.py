"""q quits only from the main screen: there the key bar says q 終了; on a
record page, on a sheet (要望 o), on the aging-rate bars (A), with 私の担当
open (m) and on the matrix (X) q goes back and the bar says q 戻る."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402


def bottom(s):
    return s.rstrip("\n").split("\n")[-1]


def says_back(t, s, where):
    """The bar of this screen says q 戻る, never q 終了."""
    last = bottom(s)
    if "q 終了" in last or "q 戻る" not in last:
        fail("%s: the key bar is %r (q goes back here)" % (where, last), s)


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init")
        t.cli("add", "task", "--title", "集会所の鍵の管理", "--area", "諏訪", "--kind", "地域要望")
        t.cli("add", "party", "--name", "諏訪自治会", "--kind", "org", "--areas", "諏訪")
        t.start()
        s = t.settle("全エリア", "q 終了")
        if "q 戻る" in bottom(s):
            fail("the main screen's bar says 戻る", s)
        # a record page (the task's)
        t.send("Tab", "Tab")
        t.settle("[課題ボード", "集会所の鍵の管理")
        t.send("Enter")
        s = t.settle("課題・取組: 集会所の鍵の管理")
        says_back(t, s, "a task's page")
        t.send("q")
        t.settle("[課題ボード")
        # a sheet: the open requests
        t.send("o")
        s = t.settle("回答待ちの地域要望")
        says_back(t, s, "the requests sheet")
        t.send("q")
        t.settle("[課題ボード")
        # the aging-rate bars
        t.send("A")
        s = t.settle(" 高齢化率: ")
        says_back(t, s, "the aging-rate bars")
        t.send("q")
        t.settle("[課題ボード")
        # the matrix
        t.send("X")
        s = t.settle("一覧表 (カテゴリー×庁内部局)")
        says_back(t, s, "the matrix")
        t.send("q")
        t.settle("[課題ボード")
        # 私の担当 replaces two panes; q closes it, not the program
        t.send("m")
        s = t.settle("私の担当")
        says_back(t, s, "私の担当")
        t.send("q")
        s = t.settle("[課題ボード", "q 終了")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

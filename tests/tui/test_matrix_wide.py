"""The department matrix (X) shows department names whole when the
terminal has room for every column: at 120 columns 「子ども・若者政策課」
was cut to 「子ども・若者政 …」 with 30 columns left empty beside it.  At
80 columns, where the six departments do not fit whole, the columns are
still cut (and scroll sideways) as before."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

DEPTS = ("住宅課", "高齢支援課", "子ども・若者政策課", "道路交通課", "防災安全課", "協創推進室")


def header(s):
    return s.split("\n")[1]


def run(cols):
    with Tui(cols=cols, rows=30) as t:
        t.cli("init")
        for d in DEPTS:
            t.cli("add", "department", "--name", d)
        t.start()
        find_hint(t, "X 一覧表", "全エリア")
        t.send("X")
        s = t.settle("一覧表 (カテゴリー×庁内部局)", "住宅課")
        t.send("q")
        t.settle("全エリア")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())
        return s


def main():
    s = run(120)
    for d in DEPTS:
        if d not in header(s):
            fail("at 120 columns the heading does not show %s whole" % d, s)
    s = run(80)
    if "子ども・若者政策課" in header(s) and "協創推進室" in header(s):
        fail("at 80 columns six departments cannot all stand whole", s)
    print("ok")


if __name__ == "__main__":
    main()

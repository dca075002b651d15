"""A figure is never cut in two where a long text wraps: at 60 columns the
カルテ's 基礎データ line (世帯数 16,461) and a party's 備考 full of
figures show every figure whole on one line (16,461 split into 16, and 461
reads as two numbers), and a 36.8% or a 14:27 keeps its mark."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, select_area, quit_ok  # noqa: E402
import re  # noqa: E402

NAME = "諏訪の世帯調査"
FIGURES = ["16,461", "36,591", "13,479", "36.8%", "2026/12/05", "14:27", "1,234,567"]


def split_figure(screen, figures):
    """The first figure not found whole on a line, or None."""
    rows = screen.split("\n")
    for f in figures:
        wanted = NOTES.count(f)
        seen = sum(r.count(f) for r in rows)
        if seen < wanted:
            return f
    return None


# figures of every width one after the other, so that at any width some
# line ends where a figure is
NOTES = "調査の結果。" + "、".join("世帯数 %s" % f for f in FIGURES * 4) + "。"


def main():
    with Tui(cols=60, rows=40) as t:
        t.cli("init", "--demo")
        t.cli("add", "party", "--name", NAME, "--kind", "org", "--area", "諏訪",
              "--notes", NOTES)
        t.start()
        select_area(t, "諏訪中学区")
        t.send("K")
        s = t.settle("地域カルテ: 諏訪中学区", "基礎データ", "世帯数")
        rows = s.split("\n")
        for a, b in zip(rows, rows[1:]):
            if re.search(r"[0-9,.]$", a.rstrip()) and re.match(r"\s*[0-9,]", b):
                fail("a figure of the basic data is cut in two", s)
        t.send("q")
        t.settle("全エリア")
        t.send("Tab", "/")
        t.type(NAME)
        t.send("Enter")
        t.settle("[関係者・団体", NAME)
        t.send("Enter")
        s = t.settle("関係者・団体: " + NAME, "備考")
        bad = split_figure(s, FIGURES)
        if bad:
            fail("the figure %s is cut where the 備考 wraps" % bad, s)
        quit_ok(t, "[関係者・団体")
    print("ok")


if __name__ == "__main__":
    main()

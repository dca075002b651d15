"""A sheet's column headings are never cut: at 60 columns the 世代別 view
(W) had every numeric heading cut (参加者… 前の期… 割合の …) and its
row 現役・子育て cut to 現役・…; a heading wider than its column now goes
on two lines (割合 / の増減), so that the cells keep their room, and at
80 columns the headings stay on one line.  The column that takes what is
left (兼務's roles, w) keeps room for its heading on two lines (it was
役職 ( …), and a title too wide for its bar goes on in a second row (兼務's
count of terms ending soon was cut), as does a note under a title (世代別's
"(h/l で期間を前後に移す)" was cut at 60 columns)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, select_area, quit_ok  # noqa: E402

HEADINGS = ("世代", "参加者数", "割合", "前の期間", "前の割合", "増減", "割合の増減")


def heading_lines(s):
    """The heading lines of the 世代別 table: from the one above 世代 (when
    it is the second) down to the one with 世代."""
    rows = s.split("\n")
    at = next((i for i, r in enumerate(rows) if r.strip().startswith("世代 ")), None)
    if at is None:
        fail("no heading row", s)
    return [rows[at - 1], rows[at]] if rows[at - 1].strip() else [rows[at]]


def check(t, cols):
    t.resize(cols, 20)
    s = t.settle("世代別の参加", "子ども", "合計")
    heads = heading_lines(s)
    if any("…" in h for h in heads):
        fail("%d columns: a heading is cut: %r" % (cols, heads), s)
    words = " ".join(heads).split()
    for h in HEADINGS:
        # one line, or its two parts one above the other
        if h not in words and not any(a + b == h for a in words for b in words):
            fail("%d columns: the heading %s is not shown whole" % (cols, h), s)
    if "現役・子育て" not in s:
        fail("%d columns: the row 現役・子育て is cut" % cols, s)
    top = "".join(s.split("\n")[:4]).replace(" ", "")
    if "(h/lで期間を前後に移す)" not in top:
        fail("%d columns: the line saying how to move the period is cut" % cols, s)
    return heads


def main():
    with Tui(cols=60, rows=20) as t:
        t.cli("init", "--demo")
        t.start()
        select_area(t, "諏訪中学区")
        t.send("W")
        if len(check(t, 60)) != 2:
            fail("60 columns: the headings did not need two lines (fixture)", t.screen())
        if len(check(t, 80)) != 1:
            fail("80 columns: the headings should fit on one line", t.screen())
        t.send("q")
        t.settle("全エリア")
        t.resize(60, 20)
        t.send("w")
        s = t.settle("兼務の多い人", "名称・氏名")
        rows = s.split("\n")
        title = (rows[0] + rows[1]).replace(" ", "")
        if not re.search(r"任期が90日以内に終わる役職\d+件\(⚠\)", title):
            fail("60 columns: the title of 兼務 is cut before its counts", s)
        at = next(i for i, r in enumerate(rows) if "名称・氏名" in r)
        heads = [rows[at - 1], rows[at]]
        if any("…" in h for h in heads):
            fail("60 columns: a heading of 兼務 is cut: %r" % heads, s)
        if "役職" not in heads[0] + heads[1] or "団体" not in heads[0] + heads[1]:
            fail("60 columns: the roles heading is missing: %r" % heads, s)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

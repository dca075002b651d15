"""An area's page lists its districts with their figures in columns at 80
columns: 人口, 65歳以上 and 高齢化率 stand at the same display column on
every line, the figures right-aligned under each other, however long the
district's name (馬引沢1丁目 against 貝取).  Before, each figure followed
its name and the lines did not line up."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, col_of, fail, quit_ok, select_area  # noqa: E402

DISTRICTS = (("貝取", 1306, 432), ("馬引沢1丁目", 4240, 1827), ("諏訪3丁目", 2679, 859))


def main():
    with Tui(cols=80, rows=40) as t:
        t.cli("init")
        for name, pop, old in DISTRICTS:
            t.cli("add", "district", "--area_id", "諏訪", "--name", name,
                  "--population", str(pop), "--population_65", str(old))
        t.start()
        select_area(t, "諏訪中学区")
        t.send("Enter")
        s = t.settle("エリア: 諏訪中学区", "町丁目 (高齢化率)", "馬引沢1丁目  ")
        lines = [l for l in s.split("\n") if "人口" in l
                 and any(l.strip().startswith(d[0] + " ") for d in DISTRICTS)]
        if len(lines) != len(DISTRICTS):
            fail("the districts' lines are not all shown", s)
        for word in ("人口", "65歳以上", "高齢化率"):
            cols = {col_of(l, word) for l in lines}
            if len(cols) != 1:
                fail("「%s」 is not in one column: %r" % (word, lines), s)
        ends = {col_of(l, "%") for l in lines}
        if len(ends) != 1:
            fail("the aging rates are not right-aligned: %r" % lines, s)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

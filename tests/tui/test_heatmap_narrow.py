"""At 60 columns the aging-rate view (A) wraps its legend rather than cut
it: the average's line and the shades' meaning (░ ▒ ▓ █ … 人口なしは「－」)
were cut before their end, so a monochrome reader lost what the darkest
shade means; the districts still follow under the column headings."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, select_area, quit_ok  # noqa: E402

SHADES = "濃さ: ░ 平均-5pt以下 ▒ 平均未満 ▓ 平均以上 █ 平均+5pt以上。人口なしは「－」"


def main():
    with Tui(cols=60, rows=20) as t:
        t.cli("init", "--demo")
        t.start()
        select_area(t, "諏訪中学区")
        t.send("A")
        s = t.settle("高齢化率: 諏訪中学区", "町丁目", "諏訪1丁目")
        rows = s.split("\n")
        head = next(i for i, r in enumerate(rows) if r.strip().startswith("町丁目"))
        legend = [r.strip() for r in rows[1:head]]
        if any("…" in r for r in legend):
            fail("the legend is cut: %r" % legend, s)
        joined = "".join(legend).replace(" ", "")
        if SHADES.replace(" ", "") not in joined:
            fail("the shades' meaning is not shown whole: %r" % legend, s)
        if "市平均" not in joined or "の位置" not in joined:
            fail("the average's line is missing: %r" % legend, s)
        if "諏訪1丁目" not in rows[head + 1]:
            fail("the districts do not follow the headings", s)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

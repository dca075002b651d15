"""The aging-rate heatmap in the app (issue 9), in monochrome: NO_COLOR=1 on
a terminal without colours (xterm-mono).  Districts with known figures:
from the areas pane A opens 諏訪中学区's districts as bars whose lengths
follow the rates, with the figures, 「－」 for a district without residents,
the city average stated and marked (│) on the rows; % puts the highest
rate first; * shows every area under its heading; no colour is sent."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, col_of, fail, select_area  # noqa: E402

AREA = "諏訪中学区"
# name -> (population, 65+, shown rate)
FIGURES = {
    "諏訪1丁目": (1000, 324, "32.4%"),
    "諏訪2丁目": (2000, 400, "20.0%"),
    "諏訪6丁目": (0, 0, "－"),
    "馬引沢1丁目": (500, 250, "50.0%"),
}
BAR = re.compile("[░▒▓█]")


def row(screen, name):
    for line in screen.split("\n"):
        if line.strip().startswith(name + " "):
            return line
    fail("no row for %s" % name, screen)


def bar_len(line):
    return len(BAR.findall(line))


def main():
    env = {"NO_COLOR": "1", "TERM": "xterm-mono"}
    with Tui(cols=80, rows=24, env=env) as t:
        t.cli("init")
        for name, (pop, old, _) in FIGURES.items():
            t.cli("edit", "district", name, "--population", str(pop),
                  "--population_65", str(old), "--households", "100")
        t.cli("edit", "district", "桜ヶ丘3丁目", "--population", "1500",
              "--population_65", "300")
        t.start()
        select_area(t, AREA)
        t.send("A")
        s = t.settle("高齢化率: " + AREA, "町丁目の順", "馬引沢1丁目")
        # 1274 / 5000 over the city
        if "市平均 25.5%" not in s:
            fail("city average not stated", s)
        rows = {n: row(s, n) for n in FIGURES}
        for name, (_, _, shown) in FIGURES.items():
            if shown not in rows[name]:
                fail("%s: %s not shown" % (name, shown), s)
        lens = {n: bar_len(r) for n, r in rows.items()}
        if not lens["馬引沢1丁目"] > lens["諏訪1丁目"] > lens["諏訪2丁目"] > 0:
            fail("bar lengths do not follow the rates: %r" % lens, s)
        if lens["諏訪6丁目"] != 0:
            fail("a district without residents has a bar", s)
        for name in ("諏訪1丁目", "諏訪2丁目", "馬引沢1丁目", "諏訪6丁目"):
            if "│" not in rows[name]:
                fail("%s: the city average is not marked" % name, s)
        marks = {col_of(r, "│") for r in rows.values()}
        if len(marks) != 1:
            fail("the average's mark moves from row to row: %r" % marks, s)
        if "% 並び順" not in s or "* 全エリア" not in s:
            fail("% and * not on the key bar", s)
        colour = t.tmux("capture-pane", "-p", "-e", "-t", "main")
        if re.search(r"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)[0-9;]*m", colour):
            fail("colour sent despite NO_COLOR on a monochrome terminal", colour)

        t.send("%")
        s = t.settle("高い順")
        names = [l.split()[0] for l in s.split("\n")[4:8] if l.strip()]
        if names[:3] != ["馬引沢1丁目", "諏訪1丁目", "諏訪2丁目"]:
            fail("rate order: %r" % names, s)

        t.send("*")
        s = t.settle("高齢化率: 全エリア")
        if "■ " + AREA not in s and "■ 東寺方小学区" not in s:
            fail("all areas: no area headings", s)
        t.send("G")
        t.settle()
        t.send("g")
        s = t.settle("■ ")
        t.send("q")
        t.settle("全エリア")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status", t.screen())


if __name__ == "__main__":
    main()

"""Column headings are never cut: the directory's headings stand whole at
60, 80 and 100 columns, with the areas pane or the directory focused (its
area column was "エリア・世 …"), and every board column shows its label
and its count of cards at 60, 80 and 100 columns, focused or not (at 60
the count of 対応中 was hidden under "対応中 …")."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

STATUSES = ("未着手", "対応中", "保留", "完了")


def heading_row(s, start, must=True):
    rows = [l for l in s.split("\n") if start in l]
    if not rows:
        if must:
            fail("no heading row starting %r" % start, s)
        return None
    return rows[0][rows[0].index(start):]


def check(t, counts, where, board=False):
    """The headings on screen are whole; with `board` the board's must be
    there (a short board pane beside the focused areas pane has none)."""
    s = t.settle("全エリア", "[")
    d = heading_row(s, "鍵 種別").split("│")[0]
    if "…" in d:
        fail("%s: a directory heading is cut: %r" % (where, d), s)
    b = heading_row(s, "未着手", board)
    for st in STATUSES if b is not None else ():
        if not re.search(r"%s %d\b" % (st, counts[st]), b):
            fail("%s: the board's heading lacks %s %d: %r" % (where, st, counts[st], b), s)


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init", "--demo")
        tasks = t.cli_json("list", "tasks")
        counts = {st: sum(1 for r in tasks if r["status"] == st) for st in STATUSES}
        t.start()
        t.settle("全エリア")
        for cols in (100, 80, 60):
            t.resize(cols, 30)
            t.send("C-l")
            check(t, counts, "%d columns, areas focused" % cols)
            t.send("Tab")
            t.settle("[関係者・団体")
            check(t, counts, "%d columns, directory focused" % cols)
            t.send("Tab")
            t.settle("[課題ボード")
            check(t, counts, "%d columns, board focused" % cols, True)
            for _ in range(3):               # each column the current one
                t.send("l")
                check(t, counts, "%d columns, board focused, a later column" % cols, True)
            t.send("h", "h", "h")
            t.send("Tab")                    # back to the areas
            t.settle("[エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

"""Rows that identify (issue 12, item 3): two people with the same name
and よみ differ at a glance by area, generation and role, in the
directory and in the pick list of parties, at 80×24 and at 200×50."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

NAME = "池田大輔"
KANA = "いけだだいすけ"
PEOPLE = [("諏訪", "諏訪中学区", "子ども", "会計"), ("落合", "落合中学区", "シニア", "世話人")]


def setup(t):
    t.cli("init")
    org = t.cli("add", "party", "--name", "永山商店会", "--kind", "org").strip()
    for area, _, gen, role in PEOPLE:
        pid = t.cli("add", "party", "--name", NAME, "--kind", "person", "--kana", KANA,
                    "--areas", area, "--generation", gen).strip()
        t.cli("add", "membership", "--person", pid[-8:], "--org", org[-8:], "--role", role)
    t.cli("add", "task", "--title", "見守り訪問の調整", "--area", "諏訪")


def rows_of(screen):
    """Rows of a pane or box naming NAME (not the status line, nor the
    selected row shown whole under a pick list that cuts it)."""
    rows = screen.split("\n")
    rule = [i for i, l in enumerate(rows) if "選んだ行の全文" in l]
    rows = rows[:rule[0]] if rule else rows
    return [l for l in rows if NAME in l and "│" in l.split(NAME)[0]]


def check_differ(screen, where, full):
    """Both namesakes' rows are on screen, differ, and each shows its own
    area and generation (and, with full, its role)."""
    rows = rows_of(screen)
    if len(rows) != 2:
        fail("%s: expected the two namesakes, saw %d rows" % (where, len(rows)), screen)
    if rows[0] == rows[1]:
        fail("%s: the namesakes' rows are identical" % where, screen)
    for _, area, gen, role in PEOPLE:
        want = [area, gen] + ([role] if full else [])
        if not any(all(w in r for w in want) for r in rows):
            fail("%s: no row shows %s" % (where, " ".join(want)), screen)


def run(cols, rows):
    with Tui(cols=cols, rows=rows) as t:
        setup(t)
        t.start()
        t.settle("全エリア")
        t.send("Tab", "/")
        t.type(KANA)
        t.send("Enter")
        s = t.settle("検索:" + KANA)
        check_differ(s, "directory %dx%d" % (cols, rows), cols >= 200)
        # the pick list of parties (linking a party to a task)
        t.send("Tab")
        t.settle("[課題ボード")
        t.send("Enter")
        t.settle("課題・取組: 見守り訪問の調整")
        t.send("p")
        t.settle("絞込:")
        t.type(KANA)
        s = t.settle(NAME)
        check_differ(s, "pick list %dx%d" % (cols, rows), True)
        t.send("Escape", "q", "q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())


def main():
    run(80, 24)
    run(200, 50)
    print("ok")


if __name__ == "__main__":
    main()

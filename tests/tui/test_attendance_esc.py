"""Entering an event's attendance by generation (W on its page) loses
nothing unasked: the counts are asked one after another, and Esc after a
count was changed asks before dropping it (n goes on where it was, and the
typed count is still there to save); Esc with nothing changed just
leaves.  The page shows the counts in a column, one under another, however
wide each generation's name is."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, col_of, fail  # noqa: E402

EVENT = "諏訪 秋のエリアミーティング"
COUNTS = {"子ども": 4, "若者": 12, "現役・子育て": 7, "シニア": 30}


def page_counts(t):
    """The page's count lines: each number ends in the same column."""
    s = t.settle("合計")
    rows = s.split("\n")
    ends = []
    for gen in list(COUNTS) + ["合計"]:
        line = next((r for r in rows if r.strip().startswith(gen + " ")), None)
        if line is None:
            fail("no count line for %s" % gen, s)
        ends.append(col_of(line, "人"))
    if len(set(ends)) != 1:
        fail("the counts do not stand in one column: %s" % ends, s)
    return s


def main():
    with Tui() as t:
        t.cli("init")
        ev = t.cli("add", "event", "--title", EVENT, "--area", "諏訪",
                   "--date", "2026-10-10").strip()
        for gen, n in COUNTS.items():
            t.cli("add", "attendance", "--event", ev, "--generation", gen, "--count", str(n))
        t.start()
        t.wait_for("全エリア")
        t.send("v")
        t.wait_for(EVENT)
        t.send("Enter")
        t.wait_for("行事: " + EVENT)
        page_counts(t)

        # nothing changed: Esc just leaves
        t.send("W")
        t.wait_for("子ども の参加者数")
        t.send("Escape")
        t.wait_for("取り消しました", "行事: " + EVENT)

        # 子ども changed to 9, then Esc at 若者: asked; n keeps going
        t.send("W")
        t.wait_for("子ども の参加者数")
        t.send("C-u")
        t.type("9")
        t.send("Enter")
        t.wait_for("若者 の参加者数")
        t.send("Escape")
        t.wait_for("保存せずに閉じますか", "y はい")
        t.send("n")
        t.wait_for("若者 の参加者数")
        for _ in range(3):                       # 若者, 現役・子育て, シニア kept
            t.send("Enter")
        t.wait_for("保存しました (合計 58 人)")
        s = page_counts(t)
        if not any(r.strip().startswith("子ども ") and r.rstrip().endswith(" 9 人")
                   for r in s.split("\n")):
            fail("the typed count was not saved", s)

        # changed again and dropped on purpose: y leaves the saved counts
        t.send("W")
        t.wait_for("子ども の参加者数")
        t.send("C-u")
        t.type("1")
        t.send("Enter")
        t.wait_for("若者 の参加者数")
        t.send("Escape")
        t.wait_for("保存せずに閉じますか")
        t.send("y")
        t.wait_for("参加者数は前のままです")
        page_counts(t)
        if "58" not in t.screen():
            fail("y changed the saved counts", t.screen())
    print("ok: attendance typed is never dropped unasked; counts stand in one column")


if __name__ == "__main__":
    main()

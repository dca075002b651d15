"""A pick list's title that its frame cuts is read whole inside the box:
at 60 columns the duplicates list (=) cut its title before saying what
○ means (重複の疑い 1 組 (◎ 電話かメールが同じ / ○ 名 …); it now stands
whole, wrapped, above the filter, and the list still works (Enter opens
the pair's choice)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402


def box_text(screen):
    """The text inside the box (the second frame on each row), joined."""
    out = []
    for r in screen.split("\n"):
        parts = r.split("│")
        if len(parts) >= 4:
            out.append(parts[2].strip())
    return "".join(out).replace(" ", "")


def main():
    with Tui(cols=60, rows=20) as t:
        t.cli("init")
        t.cli("add", "party", "--name", "髙橋 花子", "--kind", "person", "--areas", "諏訪")
        t.cli("add", "party", "--name", "高橋　花子", "--kind", "person", "--areas", "落合")
        t.start()
        t.settle("全エリア")
        t.send("Tab")
        t.settle("[関係者・団体")
        t.send("=")
        s = t.settle("絞込:", "重複の疑い")
        whole = "重複の疑い 1 組 (◎ 電話かメールが同じ / ○ 名前が同じ) — Enter で選ぶ (Esc で閉じる)"
        if whole.replace(" ", "") not in box_text(s):
            fail("the cut title is not read whole inside the box", s)
        t.send("Enter")
        t.settle("残す")
        t.send("Escape")
        t.settle("絞込:")
        t.send("Escape")
        t.settle("[関係者・団体")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

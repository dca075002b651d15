"""A conflict whose values are longer than the pick list (two 備考 edited
on the office file and on the laptop) can be read whole before choosing:
at 60 columns the list cuts both values, and the line under the cursor is
shown whole, wrapped, under the list (── 選んだ行の全文); in the choice of
which to keep, each value is read whole as the cursor moves to it, and
taking the other value makes it current."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, edited_apart, fail, quit_ok  # noqa: E402

NAME = "諏訪見守りネット"
OFFICE = ("事務所で入力した備考。会長は鈴木さん、副会長は髙橋さん。毎月第二土曜日の"
          "午前十時から集会所で定例会を開き、見守りの当番表を決めている。")
LAPTOP = ("ノートPCで入力した備考。コーディネーターが訪問して聞き取った内容で、"
          "来年度は子ども食堂との合同行事を計画しているとのこと。")


def whole(screen):
    """The text under the rule ── 選んだ行の全文, joined: the box is the
    second frame from the left on these rows (the areas pane the first)."""
    rows = screen.split("\n")
    at = [i for i, r in enumerate(rows) if "選んだ行の全文" in r]
    if not at:
        return None
    out = []
    for r in rows[at[0] + 1:]:
        if "↑↓ 選択" in r:
            break
        inner = r.split("│")
        out.append(inner[2].strip() if len(inner) >= 3 else r.strip())
    return "".join(out)


def main():
    with Tui(cols=60, rows=20) as t:
        t.cli("init")
        pid, laptop = edited_apart(t, NAME, "--notes", LAPTOP, OFFICE)
        t.cli("merge", laptop)

        t.start()
        t.settle("競合")
        t.send("c")
        s = t.settle("競合 1 件", NAME)
        w = whole(s)
        if w is None or OFFICE not in w or LAPTOP not in w:
            fail("the conflict cut by the list is not shown whole: %r" % w, s)
        t.send("Enter")
        s = t.settle("どちらの値を残しますか", "今の値を残す")
        w = whole(s)
        if w is None or OFFICE not in w or "山田花子" not in w:
            fail("the current value is not shown whole: %r" % w, s)
        t.send("Down")
        s = t.wait_until("the other value whole",
                         lambda sc: LAPTOP in (whole(sc) or ""))
        if "佐藤" not in whole(s):
            fail("who wrote the other value is not shown", s)
        if "\x1b" in s:
            fail("an escape reached the screen", s)
        t.send("Enter")
        t.settle("もう一方の値にしました")
        out = t.cli("show", "party", pid)
        if LAPTOP not in out:
            fail("the other value was not taken:\n" + out)
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

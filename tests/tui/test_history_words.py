"""The change history in the app (i on a record's page) shows values as
the page and the command line's history show them: a party's 区分 as
個人 (not person), yes/no as はい / いいえ (not 1 / 0), and a 備考 of two
lines on one line joined by ↵ (its second line was left at the screen's
edge, under nothing)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

NAME = "髙橋 花子"
NOTES = "一行目の備考\n二行目の備考"


def main():
    with Tui(cols=80, rows=30) as t:
        t.cli("init")
        pid = t.cli("add", "party", "--name", NAME, "--kind", "person", "--key-person", "1",
                    "--consent", "0", "--notes", NOTES).strip()
        t.cli("edit", "party", pid[-8:], "--key-person", "0")
        t.start()
        t.settle("全エリア")
        t.send("Tab")
        t.settle("[関係者・団体", NAME)
        t.send("Enter")
        t.settle("関係者・団体: " + NAME)
        t.send("i")
        s = t.settle("変更履歴: " + NAME, "作成")
        for want in ("区分: (空) → 個人", "キーパーソン: (空) → はい",
                     "本人同意: (空) → いいえ", "キーパーソン: はい → いいえ",
                     "備考: (空) → 一行目の備考↵二行目の備考"):
            if want not in s:
                fail("the history does not read %r" % want, s)
        for raw in ("→ person", "→ 1", "→ 0"):
            if raw in s:
                fail("the history shows a stored code (%r)" % raw, s)
        quit_ok(t, "関係者・団体: " + NAME, "[関係者・団体")
    print("ok")


if __name__ == "__main__":
    main()

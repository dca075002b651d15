"""A task's 関係者 in its form: Enter on the row opens the pick list of
parties that tells namesakes apart and adds the one chosen; two namesakes
go in as 名前 (ID), and a later edit of the row saves though their names
alone are ambiguous."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

NAME = "池田大輔"
KANA = "いけだだいすけ"
HINT = "Enter で一覧から関係者を加える"
TITLE = "見守り訪問の調整"


def to_parties_row(t):
    """Tabs down the form until the 関係者 row's hint shows."""
    for _ in range(30):
        s = t.settle("課題・取組を編集")
        if HINT in s:
            return s
        t.send("Tab")
    fail("the 関係者 row never showed its hint", t.screen())


def parties_row(s):
    rows = [l for l in s.split("\n") if " 関係者 " in l]
    if not rows:
        fail("no 関係者 row", s)
    return rows[0]


def pick(t, nth):
    t.send("Enter")
    t.settle("絞込:")
    t.type(KANA)
    t.settle(NAME)
    t.send(*(["Down"] * nth + ["Enter"]))


def main():
    with Tui(cols=100, rows=32) as t:
        t.cli("init")
        t.cli("add", "party", "--name", "永山商店会", "--kind", "org")
        ids = [t.cli("add", "party", "--name", NAME, "--kind", "person", "--kana", KANA,
                     "--areas", area).strip() for area in ("諏訪", "落合")]
        tid = t.cli("add", "task", "--title", TITLE, "--area", "諏訪",
                    "--parties", "永山商店会").strip()
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        t.settle("[課題ボード")
        t.send("Enter")
        t.settle("課題・取組: " + TITLE)
        t.send("e")
        to_parties_row(t)
        pick(t, 0)
        pick(t, 1)
        row = parties_row(t.settle(HINT))
        for pid in ids:
            if "%s (%s)" % (NAME, pid[-8:]) not in row:
                fail("namesake %s not added as name (ID)" % pid[-8:], t.screen())
        t.send("C-s")
        s = t.settle("保存しました")
        for area in ("諏訪中学区", "落合中学区"):
            if "%s  個人  %s" % (NAME, area) not in s:
                fail("the task's page does not tell the namesakes apart by area", s)
        if "関係者: " in s:
            fail("the page lists the parties twice (基本情報 and its section)", s)
        shown = t.cli("show", "task", tid)
        if "関係者: 永山商店会,%s,%s" % (NAME, NAME) not in shown:
            fail("both namesakes not linked: " + shown)
        # the row now reads 永山商店会,池田大輔,池田大輔: take the group away
        t.send("e")
        to_parties_row(t)
        t.send("Home", *(["DC"] * len("永山商店会,")))
        t.send("C-s")
        s = t.settle("保存しました")
        shown = t.cli("show", "task", tid)
        if "関係者: %s,%s\n" % (NAME, NAME) not in shown:
            fail("the edit of a row with namesakes was not saved: " + shown, s)
        # typed with a full-width ； as the store reads it: one party more
        t.send("e")
        to_parties_row(t)
        t.send("End")
        t.type("；永山商店会")
        t.send("C-s")
        s = t.settle("保存しました")
        shown = t.cli("show", "task", tid)
        if "関係者: %s,%s,永山商店会\n" % (NAME, NAME) not in shown:
            fail("a party typed after ； was not added: " + shown, s)
        quit_ok(t, "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

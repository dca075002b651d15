"""Matching in the app (issue 9, part 6): s on a task card needing 見守り
opens the suggestions, best first: the 池田 大輔 of the task's area (no
role) first, then 佐藤 花子 of the same area with three roles (兼務), then
the namesake 池田 大輔 of another area, then 鈴木 whose offer 見守り活動
only contains the need, the one already linked last and marked; the rows
tell the namesakes apart by area and role.  Enter links the top one; the task's page shows him, and u takes
the link back.  s on a directory row shows the open tasks the party could
help with."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

NAME = "池田大輔"
KANA = "いけだだいすけ"


def setup(t):
    t.cli("init")
    org = t.cli("add", "party", "--name", "永山商店会", "--kind", "org").strip()
    suwa = t.cli("add", "party", "--name", NAME, "--kana", KANA, "--kind", "person",
                 "--areas", "諏訪", "--offers", "見守り,配食").strip()
    ochi = t.cli("add", "party", "--name", NAME, "--kana", KANA, "--kind", "person",
                 "--areas", "落合", "--offers", "見守り").strip()
    t.cli("add", "membership", "--person", ochi[-8:], "--org", org[-8:], "--role", "世話人")
    busy = t.cli("add", "party", "--name", "佐藤花子", "--kana", "さとうはなこ", "--kind",
                 "person", "--areas", "諏訪", "--offers", "ﾐﾏﾓﾘ,見守り").strip()
    for g in ("諏訪自治会", "子ども会", "防災会"):
        gid = t.cli("add", "party", "--name", g, "--kind", "org").strip()
        t.cli("add", "membership", "--person", busy[-8:], "--org", gid[-8:], "--role", "会長")
    linked = t.cli("add", "party", "--name", "田中次郎", "--kana", "たなかじろう", "--kind",
                   "person", "--areas", "諏訪", "--offers", "見守り").strip()
    t.cli("add", "party", "--name", "鈴木一郎", "--kana", "すずきいちろう", "--kind", "person",
          "--areas", "諏訪", "--offers", "高齢者の見守り活動")
    t.cli("add", "party", "--name", "山本三郎", "--kind", "person", "--areas", "諏訪",
          "--offers", "送迎")
    t.cli("add", "task", "--title", "見守り訪問の調整", "--area", "諏訪", "--needs", "見守り",
          "--parties", linked[-8:])
    return suwa, ochi


def order_of(screen, names):
    """Screen rows of the list, top to bottom, naming one of names."""
    rows = []
    for line in screen.split("\n"):
        for n in names:
            if n in line:
                rows.append(line)
    return rows


def main():
    with Tui(cols=80, rows=24) as t:
        suwa, ochi = setup(t)
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        find_hint(t, "s 候補", "[課題ボード")  # on a page of the bar
        t.send("s")
        s = t.settle("候補: 見守り訪問の調整", "5 件")
        if "山本三郎" in s:
            fail("a party offering only 送迎 was suggested", s)
        rows = order_of(s, [NAME, "佐藤花子", "鈴木一郎", "田中次郎"])
        if len(rows) != 5:
            fail("expected five suggestions, saw %d" % len(rows), s)
        if "諏訪中学区" not in rows[0] or NAME not in rows[0]:
            fail("the 池田 大輔 of 諏訪 is not first", s)
        if "佐藤花子" not in rows[1] or " 3 " not in rows[1]:
            fail("佐藤 花子 of the same area with 兼務 3 is not second", s)
        if "落合中学区" not in rows[2] or NAME not in rows[2] or "世話人" not in rows[2]:
            fail("the 池田 大輔 of 落合 (世話人) is not third", s)
        if "鈴木一郎" not in rows[3] or "高齢者の見守り活動" not in rows[3]:
            fail("the offer containing the need is not fourth", s)
        if "田中次郎" not in rows[4] or "済" not in rows[4]:
            fail("the one already linked is not last and marked", s)
        if "p つなぐ" not in s:
            fail("the key bar does not show p つなぐ", s)
        t.send("Enter")
        t.settle("をつなぎました")
        t.send("Enter")                     # the task's page
        s = t.settle("課題・取組: 見守り訪問の調整")
        linked = [l for l in s.split("\n") if NAME in l]
        if not linked:
            fail("the task's page does not show the party linked", s)
        out = t.cli("show", "task", "見守り訪問の調整")
        if suwa not in t.cli("list", "parties", "--area", "諏訪", "--format", "tsv") or \
                NAME not in out:
            fail("the CLI does not see the link:\n" + out)
        t.send("u")                          # take the link back
        t.settle("取り消しました")
        out = t.cli("show", "task", "見守り訪問の調整")
        if NAME in out:
            fail("undo did not take the link back:\n" + out)
        t.send("q")
        # the reverse: s on a party in the directory
        t.send("Tab", "Tab", "/")
        t.type("たなか")
        t.send("Enter")
        t.settle("検索:たなか")
        t.send("s")
        s = t.settle("田中次郎 にできること")
        if "見守り訪問の調整" not in s or "済" not in s:
            fail("the reverse list does not show the task (already linked)", s)
        t.send("q", "q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())
    print("ok")


if __name__ == "__main__":
    main()

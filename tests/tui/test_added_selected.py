"""A record added from a list opened by a key is the one selected when the
list comes back (README: "After saving, the new record is shown and
selected").  The events list (v) of 諏訪中学区 selects its newest event
first; a adds a meeting dated between the two others, and Enter right
after it opens that meeting's page, not the event that was selected
before (it did: staff then entered the new meeting's follow-up on the
wrong event).

The survey list (Q) had no way to add one (a said ここでは使えません, and
only its empty state told that Q on a group's page adds); now a adds a
hearing there (the group chosen in the form) and selects it."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

TODAY = "2026-05-01"
NEW = "諏訪 春のエリアミーティング"


def main():
    with Tui(cols=80, rows=24, env={"TSUNAGU_NOW": TODAY + "T09:00:00"}) as t:
        t.cli("init")
        t.cli("add", "event", "--title", "諏訪 夏の防災講座", "--kind", "講座",
              "--date", "2026-06-01", "--area", "諏訪")
        t.cli("add", "event", "--title", "諏訪 昨年度の報告会", "--kind", "報告会",
              "--date", "2026-03-01", "--area", "諏訪")
        grp = t.cli("add", "party", "--kind", "org", "--name", "諏訪 見守りの会",
                    "--areas", "諏訪").strip()
        t.cli("add", "party", "--kind", "org", "--name", "諏訪さくら自治会", "--areas", "諏訪")
        t.cli("add", "survey", "--party_id", grp, "--kind", "アンケート", "--date",
              "2026-04-20", "--area_id", "諏訪")
        t.start()
        select_area(t, "諏訪中学区")
        find_hint(t, "v 行事", "全エリア")
        t.send("v")
        t.settle("行事 2 件 (諏訪中学区", "諏訪 夏の防災講座")
        t.send("a")
        t.settle("行事を追加", TODAY)
        t.type(NEW)
        t.send("C-s")
        for gen in ("子ども", "若者", "現役・子育て", "シニア"):
            t.settle("%s の参加者数" % gen)
            t.type("2")
            t.send("Enter")
        t.settle("行事 3 件", NEW, "合計 8 人")
        t.send("Enter")
        s = t.settle("行事: ")
        if "行事: " + NEW not in s.split("\n")[0]:
            fail("Enter after adding an event opened another event", s)
        t.send("q")
        t.settle("行事 3 件")
        t.send("q")

        find_hint(t, "Q アンケート", "全エリア")
        t.send("Q")
        t.settle("アンケート・ヒアリング 1 件", "諏訪 見守りの会")
        find_hint(t, "a 追加", "アンケート・ヒアリング 1 件")
        t.send("a")
        t.settle("アンケート・ヒアリングを追加", "諏訪中学区", TODAY)
        t.send("Enter")                       # 団体: its list
        t.settle("絞込")
        t.type("諏訪さくら")
        t.settle("諏訪さくら自治会  [団体]")
        t.send("Enter")
        t.send("C-s")
        t.settle("アンケート・ヒアリング 2 件", "保存しました")
        t.send("Enter")
        s = t.settle("団体: ")
        if "団体: 諏訪さくら自治会" not in s:
            fail("Enter after adding a survey opened another survey", s)
        quit_ok(t, "アンケート・ヒアリング 2 件", "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

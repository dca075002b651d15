"""The key bar of a record's page offers only keys that act there, and a log
entry written on a page belongs to that page's work.

A staff member's page (T, Enter) and a survey's page (Q, Enter) showed the
task card's keys (H/L 移動, p つなぐ, s 候補) that did nothing there, and
a/n 記録, which saved a log entry attached to nothing: no page ever showed
it again.  Now H says it is not used there; n on an event's page (the
minutes of an エリアミーティング) writes to the event's area, and n on a
survey's page to its group, where the area's and the group's pages list
it, dated the day of the meeting or of the hearing."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

TODAY = "2026-07-01"
MEETING = "諏訪 夏のエリアミーティング"
GROUP = "諏訪さくら自治会"
MINUTES = "自治会長から独居高齢者の把握が難しいとの意見"
HEARD = "役員の担い手不足を次回の会議で相談"


def bar(s):
    return s.rstrip().split("\n")[-1]


def no_card_keys(t, anchor):
    """Every page of the key bar on a screen with anchor lacks the
    board's keys."""
    s = t.settle(anchor)
    for _ in range(4):
        for k in ("H/L 移動", "p つなぐ", "s 候補"):
            if k in bar(s):
                fail("a %s page offers %r" % (anchor, k), s)
        t.send(".")
        s = t.settle(anchor)


def write_log(t, heading, form, text, home):
    find_hint(t, "n 記録", heading)
    t.send("n")
    t.settle("経過記録を追加 — " + form)
    t.type(text)
    t.send("C-s")
    # the page does not list the entry: the status line says where it went
    t.settle("経過記録を「%s」に保存しました" % home)


def main():
    with Tui(cols=80, rows=24, env={"TSUNAGU_NOW": TODAY + "T09:00:00"}) as t:
        t.cli("init")
        t.cli("add", "staff", "--name", "稲荷 三郎", "--areas", "諏訪")
        t.cli("add", "event", "--title", MEETING, "--kind", "エリアミーティング",
              "--date", "2026-06-20", "--area", "諏訪")
        grp = t.cli("add", "party", "--kind", "org", "--name", GROUP, "--areas", "諏訪").strip()
        t.cli("add", "survey", "--party_id", grp, "--kind", "ヒアリング", "--date",
              "2026-06-25", "--area_id", "諏訪")
        t.start()
        select_area(t, "諏訪中学区")

        find_hint(t, "T 職員体制", "全エリア")
        t.send("T")
        t.settle("職員体制", "稲荷 三郎")
        t.send("Enter")
        no_card_keys(t, "職員: 稲荷 三郎")
        t.send("H")
        t.settle("ここでは使えません")
        t.send("q")
        t.settle("職員体制")
        t.send("q")

        find_hint(t, "v 行事", "全エリア")
        t.send("v")
        t.settle("行事 1 件", MEETING)
        t.send("Enter")
        write_log(t, "行事: " + MEETING, "エリア「諏訪中学区」", MINUTES, "諏訪中学区")
        t.send("q")
        t.settle("行事 1 件")
        t.send("q")

        find_hint(t, "Q アンケート", "全エリア")
        t.send("Q")
        t.settle("アンケート・ヒアリング 1 件", GROUP)
        t.send("Enter")
        no_card_keys(t, "アンケート・ヒアリング: ")
        write_log(t, "アンケート・ヒアリング: ", "関係者「%s」" % GROUP, HEARD, GROUP)
        quit_ok(t, "アンケート・ヒアリング 1 件", "全エリア")

        area = t.cli("show", "area", "諏訪")
        if MINUTES not in area.split("経過記録")[-1]:
            fail("the meeting's log entry is not on its area: %s" % area)
        group = t.cli("show", "party", grp)
        if HEARD not in group.split("経過記録")[-1]:
            fail("the hearing's log entry is not on its group: %s" % group)
        # dated the day of the meeting and of the hearing, not today
        for out, text, day in ((area, MINUTES, "2026-06-20"), (group, HEARD, "2026-06-25")):
            line = [l for l in out.split("\n") if text in l][0]
            if day not in line:
                fail("the log entry is not dated %s: %r" % (day, line))
    print("ok")


if __name__ == "__main__":
    main()

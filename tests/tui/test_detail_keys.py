"""The keys that work on a record's page are on its key bar (one of its
pages, turned with `.`), so a new user need not know them: u takes back
the last change on every page (area, group, person, task, event, the
地域カルテ), and a group's page offers s (the open tasks its できること
could help with), as a person's page does.  Each shown key works there;
u that takes back the page's own record closes it saying so."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

GROUP = "諏訪見守りネット"
PERSON = "佐藤 花子"
TASK = "諏訪の高齢者見守り体制づくり"
EVENT = "諏訪エリアミーティング"


def search_open(t, query, title):
    t.send("/")
    t.type(query)
    t.send("Enter")
    t.send("Enter")
    t.wait_for(title)


def undo_here(t, anchor):
    """u is on the page's bar and answers on this page."""
    find_hint(t, "u/U 取消", anchor)
    t.send("u")
    t.wait_for("取り消しました", anchor)
    t.send("U")
    t.wait_for("やり直しました", anchor)


def main():
    with Tui() as t:
        t.cli("init")
        t.cli("add", "party", "--name", GROUP, "--kana", "すわみまもりねっと", "--kind", "org",
              "--area", "諏訪", "--offers", "見守り")
        t.cli("add", "party", "--name", PERSON, "--kana", "さとう はなこ", "--area", "諏訪")
        t.cli("add", "task", "--title", TASK, "--area", "諏訪", "--needs", "見守り")
        t.cli("add", "event", "--title", EVENT, "--area", "諏訪", "--date", "2026-11-01")
        t.start()
        t.wait_for("全エリア")
        t.send("Tab")                          # the directory

        search_open(t, "すわみまもり", "関係者・団体: " + GROUP)
        find_hint(t, "s 候補", "関係者・団体: " + GROUP)
        t.send("s")
        t.wait_for("合う未完了の課題", TASK)
        t.send("q")
        undo_here(t, "関係者・団体: " + GROUP)
        t.send("q")

        search_open(t, "さとう", "関係者・団体: " + PERSON)
        undo_here(t, "関係者・団体: " + PERSON)
        t.send("q")

        t.send("Tab")                          # the board
        t.wait_for("[課題ボード")
        t.send("Enter")
        undo_here(t, "課題・取組: " + TASK)
        t.send("q")

        t.send("Tab")                          # the areas: 諏訪中学区's page
        t.wait_for("[エリア")
        for _ in range(12):
            if "エリア: 諏訪中学区" in t.screen().split("\n")[0]:
                break
            t.send("j")
            t.settle("全エリア")
        t.send("Enter")
        undo_here(t, "エリア: 諏訪中学区")
        t.send("q")
        t.wait_for("全エリア")
        t.send("K")
        undo_here(t, "地域カルテ: 諏訪中学区")
        t.send("q")
        t.wait_for("全エリア")
        t.send("v")
        t.wait_for(EVENT)
        t.send("Enter")
        # the last action is the event's own creation: u takes it back, the
        # page closes and the status line says what was undone, not that
        # the record (named by its UUID) cannot be found
        find_hint(t, "u/U 取消", "行事: " + EVENT)
        t.send("u")
        s = t.wait_for("取り消しました: 行事「%s」" % EVENT, "行事 0 件")
        if "見つかりません" in s:
            fail("the page closed with a not-found error after u", s)
        t.send("U")
        t.wait_for("やり直しました", "行事 1 件", EVENT)
    print("ok: every record's page shows u, and a group's page s, on its key bar")


if __name__ == "__main__":
    main()

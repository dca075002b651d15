"""A character that no key uses is named on the status line on every
page and view, as on the main screen: on the カルテ, the 世代別 view, a
list of events and a record's page, z was dropped without a word, so a
user who thought they were typing into a field saw nothing happen."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok, select_area  # noqa: E402

SAID = "「z」のキーはここでは使えません"


def said(t, where):
    t.type("z")
    s = t.settle(where)
    if SAID not in s:
        fail("%s: the unused key z was dropped silently" % where, s)


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "event", "--title", "諏訪 防災エリアミーティング", "--kind",
              "エリアミーティング", "--date", "2026-05-10", "--area", "諏訪")
        t.start()
        select_area(t, "諏訪中学区")
        t.send("K")
        t.settle("地域カルテ: 諏訪中学区")
        said(t, "地域カルテ: 諏訪中学区")
        t.send("q")
        t.settle("全エリア")
        t.send("W")
        t.settle("世代別の参加")
        said(t, "世代別の参加")
        t.send("q")
        t.settle("全エリア")
        t.send("v")
        t.settle("行事 1 件")
        said(t, "行事 1 件")
        t.send("Enter")
        t.settle("行事: 諏訪 防災エリアミーティング")
        said(t, "行事: 諏訪 防災エリアミーティング")
        quit_ok(t, "行事 1 件", "全エリア")
    print("ok")


if __name__ == "__main__":
    main()

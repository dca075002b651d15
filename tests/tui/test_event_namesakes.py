"""Events of one name (an area holds 「諏訪 防災」 three times a year) are
told apart where one is chosen: the delete question in the events list (v)
and on an event's page names the event with its date, and so does the
page's title.  Before, d asked 「諏訪 防災」を削除しますか? on every one."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint, quit_ok, select_area  # noqa: E402

NAME = "諏訪 防災"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        for day in ("2026-03-01", "2026-06-01"):
            t.cli("add", "event", "--title", NAME, "--kind", "ワークショップ", "--date", day,
                  "--area", "諏訪")
        t.start()
        select_area(t, "諏訪中学区")
        find_hint(t, "v 行事", "全エリア")
        t.send("v")
        t.settle("行事 2 件")
        t.send("d")                           # the newest first
        t.settle("「%s (2026-06-01)」を削除しますか?" % NAME)
        t.send("n")
        t.settle("行事 2 件")
        t.send("j", "Enter")
        s = t.settle("行事: ")
        if "行事: %s (2026-03-01)" % NAME not in s.split("\n")[0]:
            fail("the page's title does not tell the event by its date", s)
        find_hint(t, "d 削除", "行事: ")
        t.send("d")
        t.settle("「%s (2026-03-01)」を削除しますか?" % NAME)
        t.send("n")
        t.wait_for("削除しますか", gone=True)
        quit_ok(t, "行事 2 件", "全エリア")
        if len(t.cli_json("list", "events")) != 2:
            fail("n deleted an event")
    print("ok")


if __name__ == "__main__":
    main()

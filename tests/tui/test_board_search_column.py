"""A search on the board that finds cards only in other columns than the
one the user stands in brings the first column with a card to the front:
searching 髙﨑 from 未着手 found one card in 保留, and Enter then said
行を選んでください under an empty column; now Enter opens the card found."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

FOUND = "髙﨑さん宅の見守り訪問"


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "task", "--title", "集会所の鍵の受け渡し", "--area", "諏訪")
        t.cli("add", "task", "--title", FOUND, "--area", "諏訪", "--status", "保留")
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        t.settle("[課題ボード", "集会所の鍵")
        t.send("/")
        t.type("高崎")           # the variant kanji finds 髙﨑
        t.send("Enter")
        s = t.settle("検索:高崎", FOUND[:4])
        if "行を選んでください" in s:
            fail("the search left the user on an empty column", s)
        t.send("Enter")
        t.settle("課題・取組: " + FOUND)
        quit_ok(t, "[課題ボード")
    print("ok")


if __name__ == "__main__":
    main()

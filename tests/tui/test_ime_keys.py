"""With the Japanese input method on, a command key arrives as its
full-width twin (ｊ for j, ？ for ?, ｙ for y): every one of them was
refused (「ｊ」のキーはここでは使えません), so a user with the input method on
could do nothing.  Now ｊ moves, ？ opens help and ｑ closes it, ｄ deletes
after ｙ answers the question, and ｕ takes it back; the ideographic
space opens a form's choice as Space does; text typed into a search keeps
its full-width letters."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

FIRST = "相原 一郎"
SECOND = "井上 花子"


def names(t):
    return sorted(p["name"] for p in t.cli_json("list", "parties"))


def status_line(s):
    return s.rstrip("\n").split("\n")[-2]


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "party", "--name", FIRST, "--kana", "あいはら いちろう")
        t.cli("add", "party", "--name", SECOND, "--kana", "いのうえ はなこ")
        t.start()
        t.settle("全エリア")
        t.send("Tab")
        s = t.settle("[関係者・団体", FIRST)
        if FIRST not in status_line(s):
            fail("fixture: the first party is not selected", s)
        t.type("ｊ")
        s = t.settle("[関係者・団体")
        if "使えません" in s or SECOND not in status_line(s):
            fail("ｊ did not move down", s)
        t.type("？")
        t.settle("キー一覧")
        t.type("ｑ")
        t.settle("[関係者・団体")
        t.type("ｄ")
        t.settle("削除します")
        t.type("ｙ")
        t.settle("削除しました")
        if names(t) != [FIRST]:
            fail("ｄ ｙ did not delete %s: %r" % (SECOND, names(t)))
        t.type("ｕ")
        t.settle("取り消しました")
        if names(t) != sorted([FIRST, SECOND]):
            fail("ｕ did not bring %s back: %r" % (SECOND, names(t)))
        t.send("/")
        t.type("ｊ")
        t.settle("検索")
        s = t.screen()
        if "ｊ" not in status_line(s):
            fail("the search did not keep the full-width letter typed", s)
        t.send("Escape")
        t.settle("[関係者・団体")
        t.type("ａ")                  # the add form, on its 区分 (a choice)
        t.settle("関係者・団体を追加", "区分")
        t.type("\u3000")              # Space with the input method on opens it
        t.settle("絞込:", "個人")
        t.send("Escape")
        t.settle("関係者・団体を追加")
        t.send("Escape")
        t.settle("[関係者・団体")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

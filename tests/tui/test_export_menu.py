"""The export menu speaks Japanese and offers a file in the user's home:
`:` then Enter opens the menu; 書き出し lists the kinds by their Japanese
names (関係者・団体 … 地域カルテ, not parties/karte); choosing one offers
~/つなぐ_関係者・団体_<today>.csv, and Enter writes it there with Japanese
headings.  A typed ~/ path is the home folder; an error about the system
reads in Japanese (フォルダがありません), not "No such file"."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

ORG = "諏訪見守りネット"


def command(t, text):
    t.send(":")
    t.wait_for("コマンド")
    t.type(text)
    t.send("Enter")


def main():
    with Tui(cols=100, rows=30, env={"TSUNAGU_NOW": "2026-11-25T06:17:17"}) as t:
        t.cli("init")
        t.cli("add", "party", "--name", ORG, "--kind", "org", "--areas", "諏訪")
        t.start()
        t.wait_for("全エリア", ORG)
        t.send(":")
        t.wait_for("メニュー")
        t.send("Enter")
        t.wait_for("書き出し")
        t.send("Down", "Enter")
        s = t.wait_for("関係者・団体", "課題・取組", "行事", "地域カルテ")
        for word in ("parties", "tasks", "karte"):
            if word in s:
                fail("the menu shows the English kind %r" % word, s)
        t.send("Enter")                  # 関係者・団体
        name = "つなぐ_関係者・団体_2026-11-25.csv"
        t.wait_for("保存先", "~/" + name)
        t.send("Enter")
        s = t.wait_for("書き出しました")
        path = os.path.join(t.home, name)
        if path not in s.replace("\n", ""):
            fail("the message does not name the file in the home folder", s)
        if not os.path.exists(path):
            fail("no file in the home folder: %s" % os.listdir(t.home), s)
        if os.stat(path).st_mode & 0o077:
            fail("the export is readable by others")
        with open(path, encoding="utf-8-sig") as f:
            head = f.readline()
            body = f.read()
        if not head.startswith("ID,区分,名称・氏名,よみ") or ORG not in body:
            fail("headings or content: %r %r" % (head, body[:200]))

        # a path typed with ~/ is in the home folder
        command(t, "export tasks ~/課題.csv")
        t.wait_for("書き出しました")
        if not os.path.exists(os.path.join(t.home, "課題.csv")):
            fail("~/課題.csv was not written in the home folder: %s" % os.listdir(t.home))

        # a folder that does not exist: the reason in Japanese
        command(t, "export parties ~/ない/x.csv")
        s = t.wait_for("書き込めません: フォルダがありません")
        if "No such" in s:
            fail("English in the message", s)
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

"""The reports menu (R): the key is on the Areas pane's key bar; R asks
the kind in Japanese (地域カルテ, 支援経過記録), then the area (or the
task), proposes ~/諏訪中学区_カルテ_<today>.html in the home folder,
and Enter writes it (0600) and says where; the 支援経過記録 of a task is
proposed as ~/<task>_支援経過記録_<today>.html; writing over an existing
file asks first."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

TASK = "独居高齢者の見守り"
TASK2 = "買い物支援の相談"


def main():
    with Tui(cols=110, rows=30, env={"TSUNAGU_NOW": "2026-11-25T06:17:17"}) as t:
        t.cli("init")
        t.cli("add", "karte", "--area", "諏訪", "--section", "課題", "--title", "担い手不足")
        tid = t.cli("add", "task", "--title", TASK, "--area", "諏訪", "--duty", "A").strip()
        t.cli("add", "log", "--task", tid[-8:], "--kind", "訪問", "--date", "2026-11-02",
              "--text", "二回目の訪問\n玄関先で様子を確認")
        t.cli("add", "log", "--task", tid[-8:], "--kind", "相談", "--date", "2026-10-01",
              "--text", "娘さんから相談")
        t.cli("add", "task", "--title", TASK2, "--area", "諏訪", "--status", "対応中")
        t.start()
        s = find_hint(t, "R レポート", "全エリア")

        t.send("R")
        s = t.wait_for("レポートの種類", "地域カルテ", "支援経過記録")
        if "karte" in s:
            fail("the menu shows the English kind", s)
        t.send("Enter")                      # 地域カルテ
        t.wait_for("エリア", "全エリア (1エリア1ページ)")
        t.type("諏訪")
        t.wait_for("諏訪中学区")
        t.send("Enter")
        name = "諏訪中学区_カルテ_2026-11-25.html"
        t.wait_for("保存先", "~/" + name)
        t.send("Enter")
        s = t.wait_for("地域カルテを書き出しました")
        path = os.path.join(t.home, name)
        if path not in s.replace("\n", ""):
            fail("the message does not name the file in the home folder", s)
        if not os.path.exists(path):
            fail("no file in the home folder: %s" % os.listdir(t.home), s)
        if os.stat(path).st_mode & 0o077:
            fail("the report is readable by others")
        html = open(path, encoding="utf-8").read()
        if "地域カルテ: 諏訪中学区" not in html or "担い手不足" not in html \
                or "@page" not in html:
            fail("karte content: %r" % html[:300])

        # the 支援経過記録 of a task, chosen from the area's tasks
        t.send("R")
        t.wait_for("支援経過記録")
        t.send("Down", "Enter")
        t.wait_for("課題・取組", TASK)
        t.type("独居")                       # the area has two tasks: narrow to it
        t.settle(TASK)
        t.send("Enter")
        name = TASK + "_支援経過記録_2026-11-25.html"
        t.wait_for("保存先", "~/" + name)
        t.send("Enter")
        t.wait_for("支援経過記録を書き出しました")
        html = open(os.path.join(t.home, name), encoding="utf-8").read()
        if html.find("娘さんから相談") > html.find("二回目の訪問") or "玄関先で様子を確認" not in html:
            fail("log entries: %r" % html[-800:])

        # the same file again: asked before it is replaced; no keeps it
        before = os.stat(path).st_mtime_ns
        t.send("R")
        t.wait_for("地域カルテ")
        t.send("Enter")
        t.wait_for("全エリア (1エリア1ページ)")
        t.type("諏訪")
        t.wait_for("諏訪中学区")
        t.send("Enter")
        t.wait_for("保存先")
        t.send("Enter")
        t.wait_for("既にあります")
        t.send("n")
        t.wait_for("既にあります", gone=True)
        if os.stat(path).st_mtime_ns != before:
            fail("the file was replaced without a yes")

        # R on a board card: its 支援経過記録 first, the card's task chosen
        t.send("Tab", "Tab")                 # the board, 未着手 first
        t.wait_for(TASK)
        t.send("l")                          # 対応中: the other task's card
        t.settle(TASK2)
        t.send("R")
        s = t.wait_for("レポートの種類")
        t.send("Enter")
        t.wait_for("課題・取組", TASK2)
        t.send("Enter")
        s = t.wait_for("保存先")
        if "~/" + TASK2 + "_支援経過記録_2026-11-25.html" not in s:
            fail("R on the card does not offer its task's 支援経過記録", s)
        t.send("Escape")
        t.wait_for("保存先", gone=True)
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

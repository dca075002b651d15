"""After saving, the new record is shown and selected even while a search
that it does not match is active (issue 12 item 6): the search is cleared
and the status line says so; a record that matches keeps the search.
`/` starts empty, with the previous query one key away (↑ or Ctrl-P),
named in the prompt."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TASK = "見守り活動の立ち上げ"
NEW_TASK = "防災訓練の準備"


def prompt_line(s):
    rows = s.rstrip("\n").split("\n")
    return rows[-2]              # the status line, above the key bar


def directory(t):
    t.send("Tab")                        # Areas → Directory
    t.send("/")
    t.type("鈴木")
    t.send("Enter")
    t.wait_for("検索:鈴木", "1件")
    # a party that does not match 鈴木
    t.send("a")
    t.wait_for("関係者・団体を追加")
    t.send("Tab")                        # 区分 → 名称・氏名
    t.type("多摩川自治会")
    t.send("C-s")
    s = t.wait_for("検索「鈴木」に合わないため")
    if "検索:鈴木" in s:
        fail("the search that hides the new party is still active", s)
    t.send("Enter")                      # opens the selected row
    t.wait_for("関係者・団体: 多摩川自治会")
    t.send("q")
    t.wait_for("全エリア")
    # `/` starts empty and names the previous query; ↑ brings it back
    t.send("/")
    s = t.wait_for("検索: ", "前回「鈴木」")
    line = prompt_line(s).rstrip()
    if line != "検索: (↑ で前回「鈴木」)":
        fail("the search does not start empty beside a hint of the previous "
             "query: %r" % line, s)
    t.send("Up")
    t.wait_for("1件")
    s = t.screen()
    if "前回" in prompt_line(s) or "鈴木" not in prompt_line(s):
        fail("↑ did not bring back the previous query", s)
    t.send("Enter")
    t.wait_for("検索:鈴木", "1件")
    # a party that matches keeps the search, and is the one selected
    t.send("a")
    t.wait_for("関係者・団体を追加")
    t.send("Tab")
    t.type("鈴木花子")
    t.send("C-s")
    t.wait_for("保存しました", "検索:鈴木", "2件")
    t.send("Enter")
    t.wait_for("関係者・団体: 鈴木花子")
    t.send("q")
    t.wait_for("全エリア")
    # Ctrl-P recalls too; Esc restores the search in effect
    t.send("/")
    t.wait_for("前回「鈴木」")
    t.type("多摩")
    t.wait_for("1件")
    t.send("Escape")
    t.wait_for("検索:鈴木", "2件")
    t.send("/")
    t.wait_for("前回「鈴木」")
    t.send("C-p")
    t.send("Enter")
    t.wait_for("検索:鈴木", "2件")


def board(t):
    t.send("Tab")                        # Directory → Board
    t.wait_for("課題ボード")
    t.send("/")
    t.type("見守り")
    t.send("Enter")
    t.wait_for("検索:見守り", TASK)
    t.send("a")
    t.wait_for("課題・取組を追加")
    t.type(NEW_TASK)
    t.send("C-s")
    s = t.wait_for("検索「見守り」に合わないため", NEW_TASK)
    if "検索:見守り" in s:
        fail("the search that hides the new task is still active", s)
    t.send("Enter")
    t.wait_for("課題・取組: " + NEW_TASK)
    t.send("q")
    t.send("/")
    t.wait_for("前回「見守り」")


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init")
        t.cli("add", "party", "--name", "鈴木一郎", "--kind", "person")
        t.cli("add", "party", "--name", "桜ヶ丘三丁目自治会", "--kind", "org")
        t.cli("add", "task", "--title", TASK)
        t.cli("add", "task", "--title", "子ども食堂の会場探し")
        t.start()
        t.wait_for("全エリア")
        directory(t)
        board(t)
    print("ok: a new record is shown and selected after save; / recalls the last query")


if __name__ == "__main__":
    main()

"""A log entry (経過記録) added from a task's page starts with the task's
area in its エリア field, so the area's record shows it; one added from a
party's page starts with the party's area when the party has exactly one,
and with none when it has two (which one is the user's choice)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

TASK = "集会所の雨漏り"
ONE = "諏訪自治会"
TWO = "多摩川 太郎"


def add_log(t, page, text):
    """n on the open page, the note typed in 内容, saved; returns the form
    as first shown."""
    t.send("n")
    s = t.settle("経過記録を追加", "内容")
    t.wait_for("Enter で改行")
    t.type(text)
    t.send("C-s")
    t.settle("保存しました", page)
    return s


def field_row(s, label):
    rows = [l for l in s.split("\n") if label in l]
    return rows[0] if rows else ""


def area_logs(t, area):
    shown = t.cli("show", "area", area)
    return shown.split("■ 経過記録", 1)[1] if "■ 経過記録" in shown else ""


def open_party(t, name):
    """Searches the directory (focused) for `name` and opens its page."""
    t.send("/")
    t.type(name)
    t.send("Enter")
    t.settle("検索:" + name)
    t.send("Enter")
    return t.settle("関係者・団体: " + name)


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init")
        t.cli("add", "task", "--title", TASK, "--area", "諏訪")
        t.cli("add", "party", "--name", ONE, "--kind", "org", "--areas", "諏訪")
        t.cli("add", "party", "--name", TWO, "--kind", "person", "--areas", "諏訪,落合")
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        t.settle("[課題ボード", TASK)
        t.send("Enter")
        page = "課題・取組: " + TASK
        t.settle(page)
        form = add_log(t, page, "屋根の業者に連絡した")
        if "諏訪中学区" not in field_row(form, "エリア"):
            fail("the log form of a task does not start with the task's area", form)
        if "屋根の業者に連絡した" not in area_logs(t, "諏訪"):
            fail("the log entry of the task is not on its area's record:\n" +
                 t.cli("show", "area", "諏訪"))
        t.send("q")
        t.settle("[課題ボード")
        t.send("Tab", "Tab")                 # areas, then the directory
        t.settle("[関係者・団体")
        # a party of one area
        open_party(t, ONE)
        form = add_log(t, "関係者・団体: " + ONE, "会長と打合せ")
        if "諏訪中学区" not in field_row(form, "エリア"):
            fail("the log form of a party of one area does not start with it", form)
        if "会長と打合せ" not in area_logs(t, "諏訪"):
            fail("the party's log entry is not on its area's record")
        t.send("q")
        t.settle("[関係者・団体")
        # a party of two areas: the user chooses
        open_party(t, TWO)
        form = add_log(t, "関係者・団体: " + TWO, "電話で近況を聞いた")
        row = field_row(form, "エリア")
        if "諏訪中学区" in row or "落合中学区" in row:
            fail("a party of two areas got one of them for its log entry", form)
        t.send("q")
        t.settle("[関係者・団体")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

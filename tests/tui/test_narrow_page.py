"""At 60 columns: a record page's one-line log note too long for its line
goes on under its own text, not under the date; and the log form's key bar
keeps its main keys and F1, which then says it shows the other keys (a
form takes typed text, so `.` cannot turn its bar's pages), and F1 shows
the form's keys first."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, col_of, fail, quit_ok  # noqa: E402

TASK = "集会所の鍵"
NOTE = ("自治会長に電話して鍵の受け渡しの日時を相談し、来週の月曜日の午前中に"
        "集会所で会うことになった")


def main():
    with Tui(cols=60, rows=24, env={"TSUNAGU_NOW": "2026-11-25T09:00:00"}) as t:
        t.cli("init")
        tid = t.cli("add", "task", "--title", TASK, "--area", "諏訪").strip()
        t.cli("add", "log", "--task", tid[-8:], "--kind", "電話", "--date", "2026-11-20",
              "--text", NOTE)
        t.start()
        t.settle("全エリア")
        t.send("Tab", "Tab")
        t.settle("[課題ボード", TASK)
        t.send("Enter")
        s = t.settle("課題・取組: " + TASK, NOTE[:6])
        rows = s.split("\n")
        at = next(i for i, r in enumerate(rows) if NOTE[:6] in r)
        start = col_of(rows[at], NOTE[:6])
        nxt = rows[at + 1]
        lead = len(nxt) - len(nxt.lstrip(" "))
        if not nxt.strip() or nxt.strip()[0] not in NOTE:
            fail("the note does not go on on the next line", s)
        if lead != start:
            fail("the note goes on at column %d, not under its text (column %d)"
                 % (lead, start), s)
        # the log form's key bar at 60 columns
        t.send("n")
        s = t.settle("経過記録を追加", "内容")
        bottom = s.rstrip("\n").split("\n")[-1]
        for want in ("Tab 次の項目", "Ctrl-S 保存", "Esc 閉じる", "F1 ヘルプ・他のキー"):
            if want not in bottom:
                fail("the form's key bar at 60 columns lacks %r: %r" % (want, bottom), s)
        t.send("F1")
        s = t.settle("キー一覧")
        if "入力欄" not in s.split("\n")[1]:
            fail("F1 in the form does not show the form's keys first", s)
        if "Ctrl-E F4" not in s or "Ctrl-S F10" not in s:
            fail("the keys left off the form's bar are not in its help", s)
        t.send("q")
        t.settle("経過記録を追加")
        t.send("Escape")
        t.settle("課題・取組: " + TASK)
        t.send("q")
        t.settle("[課題ボード")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

"""The file name R proposes for a task's 支援経過記録 is made from the
task's title: a bidi override in it (U+202E, which shows
"見守りlmth.exe" reversed in a file manager) and other controls become
"_", and a long title is cut to 40 characters so that the name stays
within the 255 bytes a file name may have; Enter writes the report."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

HEAD = "見守り\u202e記録"
TITLE = HEAD + "一二三四五六七八九十" * 9      # 95 characters, 285 bytes


def main():
    with Tui(cols=120, rows=30, env={"TSUNAGU_NOW": "2026-11-25T06:17:17"}) as t:
        t.cli("init")
        tid = t.cli("add", "task", "--title", TITLE, "--area", "諏訪").strip()
        t.cli("add", "log", "--task", tid[-8:], "--kind", "訪問", "--date", "2026-11-02",
              "--text", "玄関先で様子を確認")
        t.start()
        t.wait_for("全エリア")
        t.send("R")
        t.wait_for("レポートの種類", "支援経過記録")
        t.send("Down", "Enter")
        t.wait_for("課題・取組", "見守り")
        t.send("Enter")
        subject = ("見守り_記録" + "一二三四五六七八九十" * 4)[:40]
        name = subject + "_支援経過記録_2026-11-25.html"
        t.wait_for("保存先", "_支援経過記録_2026-11-25.html")  # the line shows its end
        t.send("Enter")
        s = t.wait_for("支援経過記録を書き出しました")
        path = os.path.join(t.home, name)
        if not os.path.exists(path):
            fail("no %s in the home folder: %s" % (name, os.listdir(t.home)), s)
        html = open(path, encoding="utf-8").read()
        if "玄関先で様子を確認" not in html:
            fail("the report lacks the log entry")
        quit_ok(t)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

"""Times in the app read in the local zone: a task saved at 06:17 UTC shows
15:17 with TZ=Asia/Tokyo on its page (更新) and in its history (i), and
the conflicts screen (c) gives both sides' times in local time.  With
date_style=wareki in the config the same times read as 和暦, and so do the
dates of 私の担当's 期限 column and of the log entries on a task's page."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TASK = "諏訪の見守り体制づくり"


def setup(t):
    t.cli("init")
    env = dict(t.env, TSUNAGU_NOW="2026-11-25T06:17:17")
    tid = subprocess.run([t.bin, "add", "task", "--title", TASK, "--area", "諏訪",
                          "--assignee", "山田花子", "--due", "2026-12-01", "-d", t.db],
                         env=env, check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout.strip()
    laptop = os.path.join(t.tmp, "laptop.db")
    shutil.copy(t.db, laptop)
    subprocess.run([t.bin, "edit", "task", tid, "--priority", "高", "-d", t.db],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    env = dict(t.env, TSUNAGU_NOW="2026-11-25T07:00:00", TSUNAGU_USER="佐藤 花子")
    subprocess.run([t.bin, "edit", "task", tid, "--priority", "低", "-d", laptop],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    t.cli("merge", laptop)


def open_task(t):
    t.start()
    t.wait_for("全エリア")
    t.send("m")                          # 私の担当: the task assigned to the user
    t.wait_for(TASK)
    t.send("Enter")
    return t.wait_for("課題・取組: " + TASK)


def main():
    with Tui(cols=100, rows=30) as t:
        setup(t)
        s = open_task(t)
        if "更新: 2026-11-25 16:00 佐藤 花子" not in s:
            fail("the page's 更新 time is not in Tokyo time", s)
        if "06:17" in s or "T06" in s:
            fail("a UTC time is shown", s)
        t.send("i")
        s = t.wait_for("2026-11-25 15:17  山田花子", "件名")
        if "T06:17:17Z" in s:
            fail("history shows the stored UTC text", s)
        t.send("q")
        t.send("q")
        t.wait_for("全エリア")
        t.send("c")
        s = t.wait_for("競合 1 件")
        t.send("Enter")
        t.wait_for("どちらの値を残しますか", "(山田花子 2026-11-25 15:17)",
                   "(佐藤 花子 2026-11-25 16:00)")
        t.send("Escape")
        t.wait_for("競合 1 件")
        t.send("Escape")
        t.wait_for("私の担当課題")
        t.send("q")                      # leaves 私の担当
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status")

    with Tui(cols=100, rows=30) as t:
        setup(t)
        cfg = os.path.join(t.env["XDG_CONFIG_HOME"], "tsunagu")
        os.makedirs(cfg, exist_ok=True)
        with open(os.path.join(cfg, "config"), "w", encoding="utf-8") as f:
            f.write("name=山田花子\ndate_style=wareki\n")
        t.cli("add", "log", "--task", TASK, "--kind", "訪問", "--date", "2026-11-20",
              "--text", "会長宅を訪問")
        t.start()
        t.wait_for("全エリア")
        t.send("m")
        s = t.wait_for(TASK)
        row = [l for l in s.split("\n") if TASK in l]
        if not row or "令和8年12月1日" not in row[0]:
            fail("date_style=wareki: 私の担当's 期限 column is not in 和暦", s)
        t.send("Enter")
        # the page's whole frame: its title comes before the log entries
        s = t.settle("課題・取組: " + TASK, "経過記録")
        if "令和8年11月20日 訪問" not in s:
            fail("date_style=wareki: the log entry's date is not in 和暦", s)
        if "更新: 令和8年11月25日 16:00" not in s:
            fail("date_style=wareki: 更新 is not in 和暦", s)
        if "期限: 令和8年12月1日" not in s:
            fail("date_style=wareki: the due date is not in 和暦", s)
        t.send("i")
        t.wait_for("令和8年11月25日 15:17  山田花子")
        t.send("q", "q", "q", "q")
        if t.wait_exit() != 0:
            fail("exit status")
    print("2 passed, 0 failed")


if __name__ == "__main__":
    main()

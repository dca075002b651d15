"""Small points of forms (issue 12 item 10): the log form names the task
the entry is for in its heading, and Esc on a new form the user has not
touched closes it without asking 変更を破棄しますか? (the defaults it
filled in, today's date and メモ, are not the user's changes); once
something is typed, Esc still asks."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TASK = "見守り活動の立ち上げ（桜ヶ丘）"
ASK = "変更を破棄しますか"


def main():
    with Tui() as t:
        t.cli("init")
        t.cli("add", "task", "--title", TASK, "--assignee", "山田花子")
        t.start()
        t.wait_for("全エリア")
        t.send("m")
        t.wait_for("私の担当課題", TASK)
        t.send("n")
        s = t.wait_for("経過記録を追加")
        head = s.split("\n")[0]
        if TASK not in head:
            fail("the log form's heading does not name its task", s)
        # untouched: Esc closes at once
        t.send("Escape")
        s = t.wait_for("取り消しました", "私の担当課題")
        if ASK in s:
            fail("Esc on an untouched new form asked to discard", s)
        # typed into: Esc asks, and n keeps the form with the text
        t.send("n")
        t.wait_for("経過記録を追加")
        t.type("電話で相談")                  # the form starts on 内容
        t.wait_for("電話で相談")
        t.send("Escape")
        t.wait_for(ASK)
        t.send("n")
        s = t.wait_for("経過記録を追加", "電話で相談")
        t.send("Escape")
        t.wait_for(ASK)
        t.send("y")
        t.wait_for("取り消しました")
        # a new party form, untouched
        t.send("m")
        t.wait_for("全エリア")
        t.send("Tab")
        t.send("a")
        t.wait_for("を追加")
        t.send("Escape")
        s = t.wait_for("取り消しました")
        if ASK in s:
            fail("Esc on an untouched new party form asked to discard", s)
    print("ok: the log form names its task; Esc on an untouched form closes it")


if __name__ == "__main__":
    main()

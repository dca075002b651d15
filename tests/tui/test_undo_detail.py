"""u and U inside a detail page: on a person's page, d on a membership
removes it (asked first), u brings it back on the same page and says so on
the status line, U takes it away again."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

PERSON = "佐藤 花子"
GROUP = "多摩ボランティア会"


def main():
    with Tui(cols=110, rows=30) as t:
        t.cli("init")
        pid = t.cli("add", "party", "--name", PERSON, "--kana", "さとう はなこ").strip()
        gid = t.cli("add", "party", "--name", GROUP, "--kind", "org").strip()
        t.cli("add", "membership", "--person_id", pid, "--org_id", gid, "--role", "会計")

        t.start()
        t.wait_for("全エリア")
        t.send("Tab", "/")
        t.wait_for("検索:")
        t.type("さとう")
        t.send("Enter")
        t.wait_for("1件", PERSON)
        t.send("Enter")                  # the person's page
        t.wait_for("関係者・団体: " + PERSON, "役職・所属", GROUP)
        t.send("Tab")                    # to the membership row
        t.send("d")
        t.wait_for("削除しますか")
        t.send("y")
        s = t.wait_for("削除しました", gone=False)
        s = t.wait_for(GROUP, gone=True)
        t.send("u")
        s = t.wait_for("取り消しました: 役職・所属", GROUP)
        if "関係者・団体: " + PERSON not in s:
            fail("u left the person's page", s)
        if "会計" not in t.cli("show", "party", pid):
            fail("the membership is not back in the file")
        t.send("U")
        t.wait_for("やり直しました: 役職・所属")
        t.wait_for(GROUP, gone=True)
        t.send("q", "q")
        if t.wait_exit() != 0:
            fail("exit status")
    print("ok")


if __name__ == "__main__":
    main()

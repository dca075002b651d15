"""Deleting a group in the app says what goes with it (its members'
memberships, counted from the file); the deleted records screen (D, on the
key bar and in help) lists it with that count; Enter and y bring the group
back with its memberships and its task link; after quitting and opening
again they are still there, and the CLI sees the same."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

GROUP = "多摩ボランティア会"
MEMBERS = ["鈴木一郎", "佐藤花子", "高橋健"]
TASK = "見守り活動の立ち上げ"


def show(t, kind, ref):
    return t.cli("show", kind, ref)


def find_group(t):
    t.send("/")
    t.send("C-u")
    t.type("たまぼらんてぃあ")
    t.send("Enter")
    return t.wait_for(GROUP, "1件")


def main():
    with Tui(cols=110, rows=30) as t:
        t.cli("init")
        gid = t.cli("add", "party", "--name", GROUP, "--kana", "たまぼらんてぃあかい",
                    "--type", "NPO", "--area", "諏訪").strip()
        for name in MEMBERS:
            pid = t.cli("add", "party", "--name", name, "--kind", "person").strip()
            t.cli("add", "membership", "--person", pid, "--org", gid, "--role", "会員")
        tid = t.cli("add", "task", "--title", TASK, "--parties", gid).strip()

        t.start()
        find_hint(t, "D 削除済み", "全エリア")  # the deleted records key is on the key bar
        t.send("?")
        t.wait_for("マージで残らなかった値")
        t.send("Space")                  # help's next page
        t.wait_for("削除した記録を見て")
        t.send("q")
        t.wait_for("全エリア")

        t.send("Tab")                    # the directory
        find_group(t)
        t.send("d")
        t.wait_for("を削除します", "会員 3 名の所属", "課題 1 件とのつながり", "よろしいですか")
        t.send("y")
        t.wait_for("削除しました。会員 3 名の所属")
        out = show(t, "party", MEMBERS[0])
        if GROUP in out:
            fail("the member still shows the deleted group:\n" + out)
        if GROUP in show(t, "task", tid):
            fail("the task still shows the deleted group")

        t.send("D")
        t.wait_for("削除された記録 1 件", GROUP, "会員 3 名の所属")
        t.send("Enter")
        t.wait_for("元に戻しますか", GROUP)
        t.send("y")
        t.wait_for(GROUP + " を元に戻しました (所属 3 件、課題とのつながり 1 件、エリア 1 件も)")
        t.wait_for(GROUP, "1件")         # the directory shows it again
        t.send("D")
        t.wait_for("削除された記録はありません")
        t.send("q")
        t.send("q")
        t.send("q")
        if t.wait_exit() != 0:
            fail("the program did not exit cleanly")

        t.tmux("kill-server", check=False)
        t.started = False
        t.start()                        # reopened: still there
        t.wait_for("全エリア")
        t.send("Tab")
        find_group(t)
        t.send("Enter")
        t.wait_for("役職・所属", *MEMBERS)
        t.send("q")
        t.send("q")
        t.send("q")
        if t.wait_exit() != 0:
            fail("the program did not exit cleanly the second time")
        out = show(t, "party", gid)
        for name in MEMBERS + [TASK]:
            if name not in out:
                fail("%s is not back with the group:\n%s" % (name, out))
        if GROUP not in show(t, "task", tid):
            fail("the task link is not back")


if __name__ == "__main__":
    main()

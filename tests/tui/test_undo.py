"""Undo in the app, as a new user tries it: delete a group with two members
(d; the prompt counts them; y), press u: the group is back in the list with
its memberships and the status line says what was undone;
U redoes the deletion, ^R after another u as well; u again brings it back;
after quitting and reopening it is still there, and the CLI sees the same.
The u key is on the key bar and in help."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402

ORG = "多摩ボランティア会"
OTHER = "桜ヶ丘三丁目自治会"
MEMBERS = ("佐藤 花子", "鈴木 一郎")


def members_of(t, org):
    """The members a group's page lists ([] when the group is deleted)."""
    out = t.cli("show", "party", org, check=False)
    return [name for name in MEMBERS if name in out]


def find_org(t):
    t.send("/")
    t.type("たまぼら")
    t.send("Enter")
    t.wait_for("1件", ORG)


def main():
    with Tui(cols=110, rows=30) as t:
        t.cli("init")
        org = t.cli("add", "party", "--name", ORG, "--kana", "たまぼらんてぃあかい",
                    "--kind", "org").strip()
        for name in MEMBERS:
            pid = t.cli("add", "party", "--name", name).strip()
            t.cli("add", "membership", "--person_id", pid, "--org_id", org, "--role", "会員")
        t.cli("add", "party", "--name", OTHER, "--kind", "org")

        t.start()
        t.wait_for("全エリア")
        t.send("Tab")                    # to the directory: u on its key bar
        t.wait_for(ORG, OTHER)
        find_hint(t, "u/U 取消", OTHER)
        find_org(t)
        t.send("d")
        t.wait_for("を削除します", "会員 2 名の所属も外れます")
        t.send("y")
        t.wait_for("削除しました", "0件")
        if members_of(t, org):
            fail("the memberships did not go with the group")

        t.send("u")
        s = t.wait_for("取り消しました: 関係者・団体「%s」の削除" % ORG, "1件")
        if s.count(ORG) < 2:             # the list row, beside the status line
            fail("the group is not back in the list", s)
        if members_of(t, org) != list(MEMBERS):
            fail("undo did not bring the memberships back: %r" % members_of(t, org))

        t.send("U")
        t.wait_for("やり直しました: 関係者・団体「%s」の削除" % ORG, "0件")
        t.send("u")
        t.wait_for("取り消しました: 関係者・団体「%s」の削除" % ORG, "1件")
        t.send("u")                      # further back: the CLI's add of OTHER
        t.wait_for("取り消しました: 関係者・団体「%s」の追加" % OTHER)
        t.send("C-r")                    # ^R redoes as U does
        t.wait_for("やり直しました: 関係者・団体「%s」の追加" % OTHER)

        t.send("?")
        t.wait_for("キー一覧")
        t.send("G")                      # the end of the key list, then up to undo
        s = t.wait_for("q Esc")
        for _ in range(40):
            if "取り消す" in s and "U ^R" in s:
                break
            t.send("k")
            t.wait_until("the help one line up", lambda now, old=s: now != old)
            s = t.settle()  # read once drawn whole
        s = t.wait_for("取り消す")
        if "U ^R" not in s:
            fail("help does not list U and ^R for redo", s)
        t.send("q")
        t.send("q")
        rc = t.wait_exit()
        if rc != 0:
            fail("the app exited with %d" % rc)

        # reopened: the undone deletion stays undone
        t.tmux("kill-server")
        t.started = False
        t.start()
        t.wait_for("全エリア")
        t.send("Tab")
        t.wait_for(ORG, OTHER)
        names = [p["name"] for p in t.cli_json("list", "parties")]
        if ORG not in names or OTHER not in names:
            fail("the CLI does not see both groups: %r" % names)
        if members_of(t, org) != list(MEMBERS):
            fail("after reopening the memberships are gone: %r" % members_of(t, org))
        hist = t.cli("undo", "--list")
        if "関係者・団体「%s」の追加" % OTHER not in hist.split("\n")[0]:
            fail("the redone add is not the newest undoable action: %s" % hist)
        t.send("q")
        if t.wait_exit() != 0:
            fail("the app exited badly after reopening")
    print("ok")


if __name__ == "__main__":
    main()

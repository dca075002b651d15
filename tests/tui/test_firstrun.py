"""First run: no file and no user name yet.  The program asks for the name
(typed in Japanese) and the role, saves them in the config, creates the
file with the ten areas, and records changes under that name; the next
start does not ask again."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

USER = "多摩 一郎"


def main():
    with Tui(user=None) as t:
        if os.path.exists(t.db):
            fail("the database exists before the first run")
        t.start()
        t.wait_for("はじめに", "氏名")
        t.send("Enter")                      # an empty name is refused
        t.wait_for("必須")
        t.type(USER)
        t.send("Enter")
        t.wait_for("役割", "エリアサポーター", "地域福祉コーディネーター")
        t.send("Enter")
        # the ten areas were seeded
        t.wait_for("全エリア", "利用者: " + USER, "第一小学区", "諏訪中学区", "鶴牧中学区")
        # one change, to see the author in history
        t.send("Tab", "a")
        t.wait_for("関係者・団体を追加")
        t.send("Down")
        t.type("初回テストの会")
        t.send(*(["Down"] * 9))            # to エリア: Enter picks an area
        t.wait_for("Enter でエリアの一覧")
        t.send("Enter")
        t.wait_for("多摩永山中学区", "Space 選ぶ・外す")
        t.type("諏訪")
        t.send("Space")
        t.wait_for("[x] 諏訪中学区")
        t.send("Enter")
        t.wait_for("諏訪中学区")
        t.send("C-s")
        t.wait_for("保存しました")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())

        if not os.path.exists(t.db):
            fail("the database was not created")
        if os.stat(t.db).st_mode & 0o077:
            fail("the database is readable by others: %o" % os.stat(t.db).st_mode)
        conf = os.path.join(t.env["XDG_CONFIG_HOME"], "tsunagu", "config")
        if not os.path.exists(conf):
            fail("no config file at %s" % conf)
        text = open(conf, encoding="utf-8").read()
        if USER not in text or "エリアサポーター" not in text:
            fail("config lacks name or role: %r" % text)
        areas = t.cli_json("list", "areas")
        if len(areas) != 10:
            fail("expected ten areas, got %d" % len(areas))
        party = t.cli_json("list", "parties", "--search", "初回テスト")
        if len(party) != 1 or party[0].get("areas") != "諏訪中学区":
            fail("party not saved with its area: %r" % party)
        hist = t.cli("history", "party", party[0]["id"])
        if USER not in hist:
            fail("history does not name the user:\n%s" % hist)

        # second start: straight to the panes
        t.tmux("kill-server")
        t.started = False
        t.start()
        t.wait_for("全エリア", "利用者: " + USER)
        if "はじめに" in t.screen():
            fail("asked again on the second start", t.screen())
        t.send("q")
        t.wait_exit()
    print("ok")


if __name__ == "__main__":
    main()

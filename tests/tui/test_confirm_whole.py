"""Questions a new user must answer are read whole, and one key never takes
back a whole file's work unseen.

1. At 60x20, d on a group with a long name and members: the question
   (what goes with it) is on the screen whole, with its answers, and the
   bottom line names the answer keys (y はい, n いいえ), not the keys of the
   list under it (which do nothing while it asks).
2. u after an import of many rows (the same holds for the demo's data,
   which is the user's own first action) names the action and its changes
   and asks; n keeps everything, y takes it back."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

ORG = "愛宕コミュニティセンター運営協議会第二分科会"
MEMBERS = ("佐藤 花子", "鈴木 一郎", "高橋 節子")
ROWS = 30


def narrow_delete():
    with Tui(cols=60, rows=20) as t:
        t.cli("init")
        org = t.cli("add", "party", "--name", ORG, "--kana", "あたごこみせん",
                    "--kind", "org").strip()
        for name in MEMBERS:
            pid = t.cli("add", "party", "--name", name).strip()
            t.cli("add", "membership", "--person_id", pid, "--org_id", org, "--role", "委員")
        t.start()
        t.wait_for("全エリア")
        t.send("Tab")
        t.send("/")
        t.type("あたごこみせん")
        t.send("Enter")
        t.wait_for("1/1件")
        t.send("d")
        s = t.settle("いいえ")
        flat = s.replace("\n", "").replace(" ", "")
        for part in ("「%s」を削除します" % ORG, "会員 %d 名の所属" % len(MEMBERS),
                     "よろしいですか", "(y はい / n いいえ)"):
            if part.replace(" ", "") not in flat:
                fail("the question is not shown whole at 60 columns (%r)" % part, s)
        bottom = s.rstrip("\n").split("\n")[-1]
        if "y はい" not in bottom or "n いいえ" not in bottom:
            fail("the bottom line does not name the answers", s)
        if "a 追加" in bottom:
            fail("the bottom line shows the list's keys while asking", s)
        t.send("n")
        t.wait_for("取り消しました")
        if ORG not in [r["name"] for r in t.cli_json("list", "parties")]:
            fail("n deleted the group")


def names(t):
    return [r["name"] for r in t.cli_json("list", "parties") if "見守り隊" in r["name"]]


def big_undo():
    with Tui() as t:
        t.cli("init")
        csv = os.path.join(t.tmp, "in.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("name,kana,kind\n")
            for i in range(ROWS):
                f.write("諏訪見守り隊%02d,すわみまもりたい%02d,org\n" % (i, i))
        t.cli("import", "parties", csv)
        t.start()
        t.wait_for("全エリア")
        t.send("u")
        s = t.settle("まとめて取り消します")
        if "件" not in s or "y はい" not in s:
            fail("the undo of %d rows does not say what it takes back" % ROWS, s)
        t.send("n")
        t.wait_for("取り消しをやめました")
        if len(names(t)) != ROWS:
            fail("n took the import back")
        t.send("u")
        t.wait_for("まとめて取り消します")
        t.send("y")
        t.wait_for("取り消しました:")
        if names(t):
            fail("y did not take the import back")


def main():
    narrow_delete()
    big_undo()
    print("ok: questions are shown whole with their answers; a big undo asks first")


if __name__ == "__main__":
    main()

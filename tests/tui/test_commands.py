"""The rest of the keys: generated help (? and F1), the Mine view, delete
with confirmation (n keeps, y deletes), a membership, long text through
$EDITOR (E), import and export from the `:` command line, and stored
escape sequences shown inert."""
import os
import stat
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

ORG = "諏訪見守りネット"
PERSON = "諏訪 花子"
TASK = "買い物支援の担い手探し"
BODY = "スーパーの配達サービスと調整中。"


def write_editor(tmp):
    """An $EDITOR that replaces the file with BODY, as a person would."""
    path = os.path.join(tmp, "fake-editor")
    with open(path, "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\nprintf '%%s\\n' '%s' > \"$1\"\n" % BODY)
    os.chmod(path, stat.S_IRWXU)
    return path


def main():
    with Tui() as t:
        t.env["EDITOR"] = write_editor(t.tmp)
        t.env.pop("VISUAL", None)
        t.cli("init")
        t.cli("add", "party", "--kind", "person", "--name", PERSON, "--kana", "すわ はなこ")
        t.cli("add", "party", "--name", "危険\x1b[31m赤\x1b[0m", "--kana", "きけん")
        t.cli("add", "task", "--title", TASK, "--assignee", "山田花子", "--due", "2020-01-10")
        csv = os.path.join(t.tmp, "in.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("name,kana,kind,org_type\n%s,すわみまもりねっと,org,NPO\n" % ORG)
        t.start()
        t.wait_for("全エリア")

        # help is generated from the action table
        t.send("?")
        s = t.wait_for("ヘルプ", "カードを右の状態へ移す", "$EDITOR")
        t.send("q")
        t.wait_for("課題ボード")
        t.send("F1")
        t.wait_for("キー一覧")
        t.send("Escape")
        t.wait_for("課題ボード")

        # escape sequences in stored text are shown, not obeyed
        s = t.wait_for("危険^[[31m赤")

        # import from the command line
        t.send(":")
        t.type("import parties " + csv)
        t.send("Enter")
        t.wait_for("取り込みました")
        t.send("q")                     # close the summary
        t.wait_for(ORG)

        # Mine: the overdue task assigned to the user
        t.send("m")
        t.wait_for("私の担当課題", TASK, "!2020-01-10")
        # E: the task's body in $EDITOR
        t.send("E")
        t.wait_for("保存しました")
        t.send("Enter")
        t.wait_for("課題・取組: " + TASK, BODY)
        # a log entry whose text comes from $EDITOR (^E in the form)
        t.send("n")
        t.wait_for("経過記録を追加")
        t.send("C-e")                # the form starts on 内容
        t.wait_until("the editor's text in the form",
                     lambda s: BODY in s and "経過記録を追加" in s)
        t.send("C-s")
        t.wait_until("the log entry on the task's page",
                     lambda s: s.count(BODY) >= 2 and "経過記録 (新しい順)" in s)
        t.send("q")
        t.send("m")
        t.wait_for("課題ボード")     # m again: back to the three panes

        # membership: the person joins the organisation
        t.send("Tab")
        t.send("/")
        t.type("ｽﾜ ﾊﾅｺ")
        t.wait_for("1件")
        t.send("Enter")
        t.send("r")
        t.wait_for("所属先の団体を選ぶ")
        t.type("みまもり")
        t.wait_for(ORG)
        t.send("Enter")
        t.wait_for("役職・所属を追加", "*個人", "*団体")
        t.type("会長")                  # the form starts at 役職: both ends are chosen
        t.send("C-s")
        t.wait_for("保存しました")
        t.send("Enter")                 # the person's detail lists it
        t.wait_for("役職・所属", ORG + "  会長")
        t.send("q")

        # delete asks; n keeps, y deletes
        t.send("/")
        t.send("C-u")
        t.type("きけん")
        t.send("Enter")
        t.wait_for("1件")
        t.send("d")
        t.wait_for("削除しますか", "y はい")
        t.send("n")
        t.wait_for("取り消しました", "1件")
        t.send("d")
        t.wait_for("削除しますか")
        t.send("y")
        t.wait_for("削除しました", "0件")

        # filter by org type: only the imported NPO is left
        t.send("/", "C-u", "Enter")
        t.wait_for("2件")
        t.send("f")
        t.wait_for("団体種別で絞る")
        t.send("Enter")
        t.wait_for("自治会・管理組合")
        t.type("NPO")
        t.send("Enter")
        t.wait_for("1件 絞込:NPO", ORG)
        t.send("f")
        t.type("解除")
        t.send("Enter")
        t.wait_for("2件")

        # export through the command menu (Enter on an empty line): 0600
        out = os.path.join(t.tmp, "out.csv")
        t.send(":")
        t.wait_for("メニュー")
        t.send("Enter")
        t.wait_for("書き出し (export)")
        t.send("Down", "Enter")
        t.wait_for("地域カルテ")
        t.send("Enter")                 # 関係者・団体 (parties)
        t.wait_for("保存先")
        t.send("C-u")                   # instead of the file offered
        t.type(out)
        t.send("Enter")
        t.wait_for("書き出しました")
        t.send("q")
        t.wait_exit()

        if not os.path.exists(out) or os.stat(out).st_mode & 0o077:
            fail("export missing or not private")
        text = open(out, encoding="utf-8-sig").read()
        if ORG not in text or PERSON not in text or "危険" in text:
            fail("export content wrong:\n%s" % text[:500])
        show = t.cli("show", "task", t.cli_json("list", "tasks")[0]["id"])
        if BODY not in show:
            fail("body written in $EDITOR not saved:\n%s" % show)
    print("ok")


if __name__ == "__main__":
    main()

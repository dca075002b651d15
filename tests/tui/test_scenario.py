"""A day's work in the full-screen program, checked afterwards with the CLI:
add a party with a Japanese name and よみ, find it with half-width kana,
add a task, move it 未着手 → 対応中, link the party, add a log entry
(with a wrong 和暦 date first), quit; then `list`, `show` and `history`
must show all of it, authored by the user."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

NAME = "多摩川見守りの会"
KANA = "たまがわみまもりのかい"
TITLE = "独居高齢者の見守り体制づくり"
LOG = "会長に電話で相談した"


def main():
    with Tui() as t:
        t.start()
        t.wait_for("全エリア", "課題ボード", "? ヘルプ", "q 終了")

        # choose an area: the other panes follow
        t.send("j")
        t.wait_for("エリア: 第一小学区")

        # Directory: add a party
        t.send("Tab")
        t.wait_for("a 追加", "/ 検索")
        t.send("a")
        t.wait_for("関係者・団体を追加", "*名称・氏名")
        t.send("Down")
        t.type(NAME + "X")
        t.send("BSpace")               # removes the whole last character
        t.send("Down")
        t.type(KANA)
        t.send("C-s")
        s = t.wait_for("保存しました", NAME)
        if NAME + "X" in s:
            fail("backspace did not remove the last character", s)

        # live search with half-width katakana: results follow each key
        t.send("/")
        t.wait_for("検索:")
        t.type("ｶﾜｻｷ")
        t.wait_for("該当する行はありません", "0件")
        for _ in range(4):
            t.send("BSpace")
        t.type("ﾀﾏｶﾞﾜ")
        t.wait_for("1件", "検索:ﾀﾏｶﾞﾜ", NAME)
        t.send("Enter")
        t.wait_for(NAME)

        # Board: add a task in 未着手
        t.send("Tab")
        t.wait_for("H/L 移動")
        t.send("a")
        t.wait_for("課題・取組を追加", "*件名")
        t.type(TITLE)
        t.send("C-s")
        t.wait_for("保存しました", "未着手 1")

        # move it right: 未着手 → 対応中
        t.send("L")
        t.wait_for("「対応中」へ移しました", "未着手 0", "対応中 1")

        # the board searches as you type too
        t.send("/")
        t.type("体制ﾂﾞｸﾘ")
        t.wait_for("検索:体制ﾂﾞｸﾘ", "対応中 1")
        t.type("X")
        t.wait_for("対応中 0")
        t.send("C-u", "Enter")
        t.wait_for("対応中 1")
        t.wait_for("検索:体制", gone=True)

        # link the party to the task (search as you type in the pick list)
        t.send("p")
        t.wait_for("つなぐ関係者を選ぶ")
        t.type("たまがわ")
        t.wait_for(NAME)
        t.send("Enter")
        t.wait_for("関係者をつなぎました")

        # add a log entry: fields 関係者, エリア, 記録種別, 日付, 内容;
        # the form starts on 内容, the one to type
        t.send("n")
        t.wait_for("経過記録を追加", "日付")
        t.send("Up")                     # to 日付
        t.send("C-u")
        t.type("令和7年2月30日")
        t.send("Down")
        # the form's message row (row 2) names the input
        t.wait_until("a message naming the invalid date",
                     lambda s: "令和7年2月30日" in s.split("\n")[2])
        t.send("C-u")                  # the cursor stayed on 日付
        t.type("R7.4.1")
        t.send("Down")
        t.wait_for("2025-04-01")
        t.type(LOG)
        t.send("C-s")
        t.wait_for("保存しました")

        # the task's detail shows the party and the log entry
        t.send("Enter")
        t.wait_for("課題・取組: " + TITLE, "経過記録 (新しい順)", LOG, NAME, "2025-04-01")
        # i: its change history, with the user's name
        t.send("i")
        t.wait_for("変更履歴: " + TITLE, "山田花子", "状態: 未着手 → 対応中")
        t.send("q")
        t.wait_for("課題・取組: " + TITLE)
        t.send("q")
        t.wait_for("課題ボード")

        t.send("q")
        if t.wait_exit() != 0:
            fail("the program did not exit with 0", t.screen())

        # ---- the file, through the CLI ----
        tasks = t.cli_json("list", "tasks")
        mine = [x for x in tasks if x.get("title") == TITLE]
        if len(mine) != 1:
            fail("task not in `list tasks`: %r" % tasks)
        task = mine[0]
        if task.get("status") != "対応中":
            fail("task status is %r, not 対応中" % task.get("status"))
        if task.get("area") != "第一小学区":
            fail("task area is %r" % task.get("area"))
        parties = t.cli_json("list", "parties", "--search", "ﾀﾏｶﾞﾜﾐﾏﾓﾘ")
        if [p.get("name") for p in parties] != [NAME] or parties[0].get("kana") != KANA:
            fail("party not found by half-width kana: %r" % parties)
        show = t.cli("show", "task", task["id"])
        for want in (NAME, LOG, "2025-04-01", "対応中"):
            if want not in show:
                fail("`show task` lacks %r:\n%s" % (want, show))
        hist = t.cli("history", "task", task["id"])
        if "山田花子" not in hist or "未着手" not in hist or "対応中" not in hist:
            fail("history lacks the move by the user:\n%s" % hist)
    print("ok")


if __name__ == "__main__":
    main()

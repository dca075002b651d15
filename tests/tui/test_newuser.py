"""As a new user would (issue 3, "done when"): on the demo file, find a
group by typing part of its よみ in half-width katakana, open it, see its
members, open one of its tasks, add a log entry, move the task, quit,
reopen: everything is there."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

GROUP = "愛宕団地管理組合1"
LOG = "管理組合の理事会で地域カルテの案を説明した"


def main():
    with Tui() as t:
        t.cli("init", "--demo")
        group = [p for p in t.cli_json("list", "parties", "--search", GROUP)
                 if p["name"] == GROUP]
        if not group:
            fail("demo data lacks %s" % GROUP)
        show = t.cli("show", "party", group[0]["id"])
        task_lines = [l for l in show.split("\n") if "愛宕の地域カルテ更新" in l]
        if not task_lines:
            fail("demo group has no task:\n%s" % show)
        t.start()
        t.wait_for("全エリア")
        t.send("Tab", "/")
        t.type("ｱﾀｺﾞﾀﾞﾝﾁｶﾝﾘ")
        t.wait_for(GROUP)
        t.send("Enter")
        # the group's page: members with their roles, and its task
        t.send("Enter")
        t.wait_for("関係者・団体: " + GROUP, "役職・所属", "鈴木 由美  事務局")
        t.send("G", "k", "k", "k")      # onto the task line (above the empty log)
        t.wait_for("[対応中] 愛宕の地域カルテ更新")
        t.send("Enter")
        t.wait_for("課題・取組: 愛宕の地域カルテ更新", "状態: 対応中")
        t.send("n")
        t.wait_for("経過記録を追加")
        t.send("Down", "Down", "Down", "Down")   # 内容
        t.type(LOG)
        t.send("C-s")
        t.wait_for(LOG)
        t.send("L")
        t.wait_for("「保留」へ移しました", "状態: 保留")
        t.send("q")
        t.wait_for("関係者・団体: " + GROUP)
        t.send("q")
        t.wait_for("課題ボード")
        t.send("q")
        t.wait_exit()

        # reopen: the same path shows the log entry and the new status
        t.tmux("kill-server")
        t.started = False
        t.start()
        t.wait_for("全エリア")
        t.send("Tab", "/")
        t.type("ｱﾀｺﾞﾀﾞﾝﾁｶﾝﾘ")
        t.wait_for(GROUP)
        t.send("Enter", "Enter")
        t.wait_for("関係者・団体: " + GROUP)
        t.send("G", "k", "k", "k")
        t.wait_for("[保留] 愛宕の地域カルテ更新")
        t.send("Enter")
        t.wait_for("状態: 保留", LOG, "山田花子")
        t.send("q", "q", "q")
        t.wait_exit()
    print("ok")


if __name__ == "__main__":
    main()

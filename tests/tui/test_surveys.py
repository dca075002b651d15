"""Surveys and hearings in the app (issue 9, part 4): on a group's page the
key bar shows Q; Q adds a ヒアリング for that group with the handbook's
items (実施体制, 活動内容・実績, 課題, 今後の予定, 連携・協働の意識); the page
lists it under アンケート・ヒアリング, e on it edits it there; Q on the main
screen lists all surveys by area and Enter opens one, its page named by the
group, kind and date."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

TODAY = "2026-07-01"
GROUP = "諏訪さくら自治会"


def pick(t, typed, want):
    t.send("Enter")
    t.wait_for("絞込")
    t.type(typed)
    t.wait_for(want)
    t.send("Enter")


def main():
    with Tui(cols=120, rows=40, env={"TSUNAGU_NOW": TODAY + "T09:00:00"}) as t:
        t.cli("init")
        t.cli("add", "party", "--kind", "org", "--name", GROUP, "--org_type", "自治会・管理組合",
              "--areas", "諏訪")
        other = t.cli("add", "party", "--kind", "org", "--name", "青陵 子ども食堂",
                      "--areas", "青陵").strip()
        t.cli("add", "survey", "--party_id", other, "--kind", "アンケート", "--date",
              "2026-05-20", "--respondents", "24")

        t.start()
        t.settle("全エリア", GROUP)
        t.send("Tab")                         # the directory; the group comes first
        t.wait_for("関係者・団体", "u/U 取消")
        t.send("Enter")
        s = t.wait_for("関係者・団体: " + GROUP, "アンケート・ヒアリング (Q で追加", "Q アンケート")
        t.send("Q")
        t.wait_for("アンケート・ヒアリングを追加", "実施体制", "連携・協働の意識", "諏訪中学区", TODAY)
        s = t.screen()
        if "団体 " in s.split("アンケート・ヒアリングを追加")[1].split("エリア")[0]:
            fail("the group is asked again in its own page's form", s)
        # the form starts at 種別: the エリア before it is filled in
        pick(t, "ヒア", "ヒアリング")
        t.send("Tab")                         # 実施日 -> 実施体制
        t.type("役員5名と班長で運営")
        t.send("Tab")
        t.type("夏祭り・防災訓練")
        t.send("Tab")
        t.type("役員の担い手不足")
        t.send("Tab")
        t.type("秋に見守り研修")
        t.send("Tab")
        t.type("小学校と防災で組みたい")
        t.send("C-s")
        s = t.wait_for("保存しました", TODAY + "  ヒアリング", "課題:", "役員の担い手不足",
                       "連携・協働の意識:", "小学校と防災で組みたい")
        # e on the survey (the page's last entry) edits it in place
        t.send("G", "e")
        t.wait_for("アンケート・ヒアリングを編集", "役員の担い手不足")
        for _ in range(9):                    # 団体 エリア 種別 実施日 ... -> 回答数
            t.send("Tab")
        t.type("18")
        t.send("C-s")
        t.wait_for("回答数 18")
        t.send("q")
        t.wait_for("関係者・団体: " + GROUP, gone=True)

        t.send("Q")
        s = t.wait_for("アンケート・ヒアリング 2 件 (全エリア、エリア別)", GROUP, "青陵 子ども食堂")
        lines = s.split("\n")
        mine = [i for i, l in enumerate(lines) if GROUP in l]
        theirs = [i for i, l in enumerate(lines) if "青陵 子ども食堂" in l]
        if not mine or not theirs or mine[0] > theirs[0]:
            fail("surveys are not listed by area (諏訪 before 青陵)", s)
        if "諏訪中学区" not in lines[mine[0]] or "ヒアリング" not in lines[mine[0]]:
            fail("the survey's line lacks its area or kind", s)
        t.send("Enter")
        # the page and its questions name the survey by group and date
        # (they said only 「ヒアリング」)
        named = "%sのヒアリング (%s)" % (GROUP, TODAY)
        t.wait_for("アンケート・ヒアリング: " + named, "今後の予定:", "秋に見守り研修")
        t.send("d")
        t.wait_for("「%s」を削除しますか?" % named)
        t.send("n")
        t.wait_for("削除しますか", gone=True)
        t.send("q")
        t.send("q")
        t.wait_for("アンケート・ヒアリング 2 件", gone=True)
        t.send("q")
        if t.wait_exit(timeout=20) != 0:
            fail("exit status")
        rows = t.cli_json("list", "surveys", "--area", "諏訪")
        if len(rows) != 1 or rows[0]["respondents"] != 18 or rows[0]["group"] != GROUP:
            fail("the survey was not saved with its group and count: %r" % rows)
    print("ok")


if __name__ == "__main__":
    main()

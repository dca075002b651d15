"""The 活動報告 from the app (R): the kind chosen in Japanese, every area,
令和7年度 typed as 和暦 at the period's prompts, the proposed file turned
into .csv; the file holds one table per tally, each adding up to the
number of tasks of the year (a task of the year before is left out)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402


def main():
    with Tui(cols=110, rows=30, env={"TSUNAGU_NOW": "2026-03-20T00:00:00"}) as t:
        t.env["TSUNAGU_NOW"] = "2025-03-01T00:00:00"   # the year before
        t.cli("init")
        old = t.cli("add", "task", "--title", "前年度の相談", "--area", "諏訪").strip()
        t.cli("add", "log", "--task", old[-8:], "--kind", "相談", "--date", "2025-03-10", "--text", "窓口で相談")
        t.env["TSUNAGU_NOW"] = "2026-03-20T00:00:00"
        t.cli("add", "task", "--title", "独居高齢者の見守り", "--kind", "個別支援", "--area", "諏訪",
              "--referral-source", "民生委員", "--connected-to", "地域包括支援センター")
        t.cli("add", "task", "--title", "子ども食堂の立ち上げ", "--kind", "地域支援", "--area", "永山",
              "--referral-source", "自治会")
        t.cli("add", "log", "--area", "諏訪", "--kind", "会議", "--date", "令和7年7月7日", "--text", "エリア会議")
        t.start()
        find_hint(t, "R レポート", "全エリア")
        t.send("R")
        t.wait_for("レポートの種類", "活動報告", "支援ケース一覧", "引継ぎ")
        t.type("活動")
        t.wait_for("絞込: 活動")
        t.send("Enter")
        t.wait_for("全エリア (1エリア1ページ)")
        t.send("Enter")                      # every area
        t.wait_for("期間の始め")
        t.type("令和7年4月1日")
        t.send("Enter")
        t.wait_for("期間の終わり")
        t.type("令和8年3月31日")
        t.send("Enter")
        s = t.wait_for("保存先", "活動報告_2026-03-20.html")
        offered = [l for l in s.split("\n") if "保存先" in l][0]
        name = offered.split("~/")[1].split(".html")[0] + ".csv"
        t.send("BSpace", "BSpace", "BSpace", "BSpace")
        t.type("csv")
        t.send("Enter")
        t.wait_for("活動報告を書き出しました")
        path = os.path.join(t.home, name)
        if not os.path.exists(path):
            fail("no %s in the home folder: %s" % (name, os.listdir(t.home)), t.screen())
        text = open(path, encoding="utf-8-sig").read().replace("\r", "")
        tables = [b.split("\n") for b in text.split("\n\n") if b.strip()]
        totals = {}
        for rows in tables:
            body = [r.split(",") for r in rows[2:] if r]
            if not body or body[-1][0] != "合計":
                continue
            counted = sum(int(r[1]) for r in body[:-1])
            if counted != int(body[-1][1]):
                fail("%s does not add up: %s" % (rows[0], rows))
            totals[rows[0]] = counted
        want = {"種別別の課題件数": 2, "きっかけ別の課題件数": 2, "つなぎ先別の課題件数": 2,
                "エリア別の課題件数": 2, "記録種別別の経過記録件数": 1}
        for title, n in want.items():
            if totals.get(title) != n:
                fail("%s: %r, want %d (all: %r)" % (title, totals.get(title), n, totals))
        if "民生委員,1," not in text:
            fail("no 民生委員 row: %s" % text)
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

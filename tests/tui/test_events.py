"""Events and participation by generation in the app (issue 9, part 3): with
諏訪中学区 selected, v lists its events newest first; a adds an
エリアミーティング (form with a named participant, then the four generation
counts asked one after the other); the list shows its total, its page the
counts per generation and the participant, and W on the page changes one.  W on the main screen shows the area's
generation summary of this fiscal year against the last one, before and
after the meeting was recorded, and h moves to the previous year."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, width  # noqa: E402

TODAY = "2026-07-01"
TITLE = "諏訪 夏のエリアミーティング"
PERSON = "諏訪 一郎"


def att(gen, n):
    """A count line of the event's page: names in one column, counts
    right-aligned under each other."""
    return gen + " " * (12 - width(gen)) + "  %5d 人" % n


def gen_row(screen, gen):
    """The cells of generation gen's line in the W view, or None."""
    for line in screen.split("\n"):
        cells = line.split()
        if cells and cells[0] == gen and len(cells) >= 6:
            return cells
    return None


def bar_shows(t, hint):
    """Turns the key bar's pages (.) until it shows hint."""
    for _ in range(5):
        s = t.screen()
        if hint in s.split("\n")[-2] or hint in s.rstrip().split("\n")[-1]:
            return
        t.send(".")
        t.wait_until("the key bar's next page", lambda now: now != s, timeout=20)
        t.settle()  # the whole page drawn, not half of it
    fail("the key bar never shows %r" % hint, t.screen())


def attend(t, ev, **counts):
    for gen, n in counts.items():
        gen = {"kodomo": "子ども", "wakamono": "若者", "geneki": "現役・子育て",
               "senior": "シニア"}[gen]
        t.cli("add", "attendance", "--event", ev, "--generation", gen, "--count", str(n))


def check_row(s, gen, want):
    cells = gen_row(s, gen)
    if cells is None or cells[1:len(want) + 1] != want:
        fail("the %s line should read %r, got %r" % (gen, want, cells), s)


def main():
    with Tui(cols=100, rows=30, env={"TSUNAGU_NOW": TODAY + "T09:00:00"}) as t:
        t.cli("init")
        t.cli("add", "party", "--name", PERSON, "--kind", "person", "--areas", "諏訪")
        last = t.cli("add", "event", "--title", "諏訪 昨年度の報告会", "--kind", "報告会",
                     "--date", "2025-06-01", "--area", "諏訪").strip()
        attend(t, last, kodomo=2, senior=10)
        may = t.cli("add", "event", "--title", "諏訪 春の講座", "--kind", "講座",
                    "--date", "2026-05-10", "--area", "諏訪").strip()
        attend(t, may, senior=8)
        other = t.cli("add", "event", "--title", "永山 ワークショップ", "--kind",
                      "ワークショップ", "--date", "2026-06-01", "--area", "永山").strip()
        attend(t, other, senior=50)

        t.start()
        t.settle("全エリア", "諏訪中学区")
        for _ in range(6):                   # 全エリア, 第一小学区 ... 諏訪中学区
            t.send("j")
        t.wait_until("諏訪中学区 selected",
                     lambda now: "エリア: 諏訪中学区" in now.split("\n")[0])
        bar_shows(t, "W 世代別")
        t.send("W")
        s = t.wait_for("世代別の参加: 諏訪中学区", "2026-04-01〜2027-03-31",
                       "前の期間 2025-04-01〜2026-03-31", "h/l 左右", "h/l で期間を前後に移す")
        check_row(s, "シニア", ["8", "100.0%", "10", "83.3%", "-2", "+16.7pt"])
        check_row(s, "合計", ["8", "100.0%", "12", "100.0%", "-4"])
        t.send("h")                           # the fiscal year before
        s = t.wait_for("2025-04-01〜2026-03-31", "前の期間 2024-04-01〜2025-03-31")
        check_row(s, "子ども", ["2", "16.7%", "0", "0.0%", "+2", "+16.7pt"])
        t.send("q")
        t.wait_for("世代別の参加", gone=True)

        bar_shows(t, "v 行事")
        t.send("v")
        s = t.wait_for("行事 2 件 (諏訪中学区、新しい順)", "諏訪 春の講座", "a 追加", "W 世代別")
        if "永山 ワークショップ" in s:
            fail("v with 諏訪中学区 selected lists another area's event", s)
        lines = s.split("\n")
        first = [i for i, l in enumerate(lines) if "諏訪 春の講座" in l][0]
        second = [i for i, l in enumerate(lines) if "諏訪 昨年度の報告会" in l][0]
        if first > second:
            fail("events are not newest first", s)

        t.send("a")
        t.wait_for("行事を追加", "形式", "テーマ", TODAY)
        t.type(TITLE)
        t.send("Tab", "Enter")                # 種別: its list
        t.wait_for("絞込")
        t.type("エリアミ")
        t.wait_for("エリアミーティング")
        t.send("Enter")
        t.send("Tab", "Tab", "Tab")           # 日付, 開始, 終了 -> 会場
        t.type("諏訪公民館")
        t.send("Tab", "Enter")                # 形式
        t.wait_for("絞込")
        t.type("対面")
        t.send("Enter")
        t.type("防災と見守り")                # テーマ
        t.send("Tab", "Tab", "Tab")           # エリア (filled in), 施設 -> 参加者
        t.type(PERSON)
        t.send("C-s")
        for gen, n in (("子ども", "5"), ("若者", "3"), ("現役・子育て", "4"), ("シニア", "12")):
            t.wait_for("%s の参加者数" % gen)
            t.type(n)
            t.send("Enter")
        s = t.wait_for("世代別の参加者数を保存しました (合計 24 人)", "行事 3 件")
        row = [l for l in s.split("\n") if TITLE in l]
        if not row or not re.search(r"エリアミーティング .*対面\s+24\s*$", row[0]):
            fail("the new event's line lacks its kind, form and total", s)

        # its page: the counts per generation; W there changes one
        t.send("g", "Enter")
        s = t.wait_for("行事: " + TITLE, "形式: 対面", "テーマ: 防災と見守り",
                       "会場: 諏訪公民館", "世代別の参加者数", att("合計", 24), "W 世代別")
        for line in (att("子ども", 5), att("若者", 3), att("現役・子育て", 4), att("シニア", 12),
                     "参加者 (名前の分かる人・団体", PERSON + "  個人"):
            if line not in s:
                fail("the event's page lacks %r" % line, s)
        t.send("W")
        for _ in range(3):                    # 子ども, 若者, 現役・子育て kept
            t.wait_for("の参加者数")
            t.send("Enter")
        t.wait_for("シニア の参加者数")
        t.send("C-u")
        t.type("１５")                        # full-width digits are numbers too
        t.send("Enter")
        t.wait_for(att("シニア", 15), att("合計", 27))
        t.send("q")
        t.wait_for("行事 3 件")
        t.send("q")
        t.wait_for("行事 3 件", gone=True)

        t.send("W")
        s = t.wait_for("世代別の参加: 諏訪中学区", "行事 2 件 (前の期間 1 件)")
        check_row(s, "子ども", ["5", "14.3%", "2", "16.7%", "+3", "-2.4pt"])
        check_row(s, "シニア", ["23", "65.7%", "10", "83.3%", "+13", "-17.6pt"])
        check_row(s, "合計", ["35", "100.0%", "12", "100.0%", "+23"])
        t.send("q")
        t.wait_for("世代別の参加", gone=True)
        t.send("?")
        s = t.settle("ヘルプ")
        for _ in range(6):
            if "世代別の参加 (子ども" in s and "行事 (エリアミーティング" in s:
                break
            t.send("Space")
            t.wait_until("the help's next page", lambda now, old=s: now != old, timeout=20)
            s = t.settle("ヘルプ")  # read once drawn whole: a half-drawn page was skipped
        else:
            fail("help lacks v 行事 or W 世代別", s)
        t.send("q")
        t.send("q")
        if t.wait_exit(timeout=20) != 0:
            fail("exit status")

    print("ok")


if __name__ == "__main__":
    main()

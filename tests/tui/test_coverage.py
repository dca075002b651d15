"""Staff and coverage in the app (issue 9, part 8), in monochrome (NO_COLOR)
at 80x24: T shows, before any scrolling, which areas have no area supporter
(staff of 市) and which no coordinator (社協) as 「エリアサポーター未配置」 /
「コーディネーター未配置」 with the areas named; then the staff with
appointment, rank, organisation and areas; the coordinator pair with both
of its areas; and the per-area table with "!" and (未配置) on the gaps."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402


def main():
    with Tui(cols=80, rows=24, env={"NO_COLOR": "1"}) as t:
        t.cli("init")
        t.cli("add", "staff", "--name", "市川 一郎", "--kana", "いちかわ", "--organisation", "市",
              "--appointment", "専任", "--rank", "係長級", "--areas", "諏訪,永山")
        t.cli("add", "staff", "--name", "社協 花子", "--kana", "しゃきょうはなこ",
              "--organisation", "社協", "--appointment", "併任", "--rank", "担当職員",
              "--areas", "諏訪,青陵")
        t.cli("add", "staff", "--name", "社協 次郎", "--kana", "しゃきょうじろう",
              "--organisation", "社協", "--appointment", "専任", "--areas", "諏訪,青陵")

        t.start()
        s = t.settle("全エリア")
        for _ in range(5):                    # the key bar's pages until T shows
            if "T 職員体制" in s.rstrip().split("\n")[-1]:
                break
            t.send(".")
            t.wait_until("the key bar's next page", lambda now, old=s: now != old,
                         timeout=20)
            s = t.settle()  # the whole page drawn, not half of it
        else:
            fail("the key bar never shows T 職員体制", s)
        t.send("T")
        s = t.wait_for("職員体制", "! エリアサポーター未配置 (8):", "! コーディネーター未配置 (8):",
                       "職員 (3 人)")
        flags = s.split("職員 (3 人)")[0]
        sup = flags.split("! エリアサポーター未配置")[1].split("! コーディネーター未配置")[0]
        coord = flags.split("! コーディネーター未配置")[1]
        # wrapped between two names, never inside one
        for part in (sup, coord):
            for line in part.split("\n")[:-1]:
                if line.strip() and not line.rstrip().endswith(("、", "区")):
                    fail("a flag line breaks inside an area's name: %r" % line, s)
        sup, coord = sup.replace("\n", "").replace(" ", ""), coord.replace("\n", "").replace(" ", "")
        if "青陵中学区" not in sup or "諏訪中学区" in sup or "多摩永山中学区" in sup:
            fail("the areas without a supporter are not the right ones: %r" % sup, s)
        if "多摩永山中学区" not in coord or "青陵中学区" in coord or "諏訪中学区" in coord:
            fail("the areas without a coordinator are not the right ones: %r" % coord, s)
        for line in ("市川 一郎  専任  係長級    市    諏訪中学区、多摩永山中学区",
                     "社協 花子  併任  担当職員  社協  諏訪中学区、青陵中学区"):
            if line not in s:
                fail("the staff list lacks %r" % line, s)
        t.send("G")                           # the pairs and the area table
        s = t.wait_for("コーディネーターの組", "エリア別の配置")
        pair = [l for l in s.split("\n") if l.startswith(" 社協 花子") and "組" not in l]
        if not any("諏訪中学区、青陵中学区" in l and "社協 次郎" in l and "市川 一郎" in l
                   for l in pair):
            fail("the coordinator is not shown with both areas, partner and supporter", s)
        rows = {l.split()[1]: l for l in s.split("\n") if l.startswith(" ! ")}
        if "(未配置)" not in rows.get("多摩永山中学区", "") or "市川 一郎" not in rows["多摩永山中学区"]:
            fail("多摩永山中学区 is not flagged for its missing coordinator", s)
        if "諏訪中学区" in rows:
            fail("諏訪中学区 is flagged although it has both", s)
        t.send("g", "Enter")                  # the first staff member's page
        t.wait_for("職員: 市川 一郎", "任用: 専任")
        t.send("q")
        t.wait_for("職員体制")
        t.send("q")
        t.wait_for("職員体制", gone=True)
        t.send("q")
        if t.wait_exit(timeout=20) != 0:
            fail("exit status")
    print("ok")


if __name__ == "__main__":
    main()

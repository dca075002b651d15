"""Pick lists (issue 12, item 4): typed letters, j and k included, go into
the filter while the arrows and Ctrl-N / Ctrl-P move; in a multi-choice
list (a party's エリア) Space marks or unmarks an area and Enter closes the
list, so choosing several areas never removes one by surprise."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

GROUP = "諏訪見守りの会"


def to_areas_row(t):
    """From the directory's add form, down to the エリア row."""
    for _ in range(12):
        t.send("Down")
        end = time.time() + 1.0
        while time.time() < end:
            s = t.screen()
            if "Enter でエリアの一覧" in s:
                return s
            time.sleep(0.05)
    fail("no エリア row with its hint in the party form", t.screen())


def marked(s):
    return sorted(l.split("[x] ")[1].split()[0] for l in s.split("\n") if "[x] " in l)


def main():
    with Tui() as t:
        t.cli("init")
        t.start()
        t.settle("全エリア")
        t.send("Tab", "a")
        t.settle("関係者・団体を追加")
        t.send("Down")
        t.type(GROUP)
        to_areas_row(t)
        t.send("Enter")
        s = t.settle("[ ] 第一小学区", "Space 選ぶ・外す", "Enter 閉じる")
        # Ctrl-N and the arrow move; Space marks what is selected
        t.send("C-n", "Down", "Space")
        s = t.wait_for("[x] ")
        if marked(s) != ["第二小学区"]:
            fail("Ctrl-N and ↓ did not move to the third area: %r" % marked(s), s)
        t.send("C-p", "Space")
        s = t.wait_until("two marked", lambda x: len(marked(x)) == 2)
        # letters filter, even j and k: no area has them, so nothing shows
        t.type("jk")
        s = t.wait_for("絞込: jk", "該当する行はありません")
        t.send("BSpace", "BSpace")
        t.type("諏訪")
        t.wait_for("[ ] 諏訪中学区")
        t.send("Space")
        t.wait_for("[x] 諏訪中学区")
        t.send("Enter")                      # closes the list
        s = t.wait_for("東寺方小学区,第二小学区,諏訪中学区", gone=False)
        if "[x]" in s:
            fail("Enter did not close the list", s)
        # again: the three are marked; Space on one unmarks it
        t.send("Enter")
        s = t.wait_for("[x] 諏訪中学区")
        if marked(s) != sorted(["東寺方小学区", "第二小学区", "諏訪中学区"]):
            fail("the list did not start with the row's areas: %r" % marked(s), s)
        t.type("東寺方")
        t.send("Space", "Enter")
        t.wait_for("第二小学区,諏訪中学区")
        t.send("C-s")
        t.wait_for("保存しました")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())
        party = t.cli_json("list", "parties", "--search", GROUP)
        areas = sorted((party[0].get("areas") or "").split("、")) if party else []
        if areas != sorted(["第二小学区", "諏訪中学区"]):
            fail("saved areas are %r" % areas)
    print("ok")


if __name__ == "__main__":
    main()

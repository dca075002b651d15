"""Key-person load in the app (issue 9, part 7), with NO_COLOR: w (on the
directory's key bar) lists the persons of the selected area by current
roles, most first; a term ending within 90 days reads ⚠ DATE まで in its
任期間近 column (monochrome carries it); the selected person's roles show
whole on the status line; Enter opens the person's page."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402

NOW = "2026-12-01T09:00:00+09:00"


def main():
    with Tui(cols=80, rows=24, env={"NO_COLOR": "1", "TSUNAGU_NOW": NOW}) as t:
        t.cli("init")
        groups = [t.cli("add", "party", "--kind", "org", "--name", g).strip()
                  for g in ("諏訪自治会", "子ども会", "防災会")]
        busy = t.cli("add", "party", "--kind", "person", "--name", "佐藤花子", "--kana",
                     "さとうはなこ", "--areas", "諏訪").strip()
        one = t.cli("add", "party", "--kind", "person", "--name", "池田大輔", "--kana",
                    "いけだだいすけ", "--areas", "諏訪").strip()
        far = t.cli("add", "party", "--kind", "person", "--name", "落合一郎", "--areas",
                    "落合").strip()
        for g, role, to in zip(groups, ("会長", "会計", "委員"), ("2027-01-15", None, None)):
            args = ["add", "membership", "--person", busy[-8:], "--org", g[-8:], "--role", role]
            t.cli(*(args + (["--to", to] if to else [])))
        t.cli("add", "membership", "--person", one[-8:], "--org", groups[0][-8:], "--role", "副会長")
        t.cli("add", "membership", "--person", far[-8:], "--org", groups[1][-8:], "--role", "会長")
        t.start()
        t.settle("全エリア")
        for _ in range(6):                   # 諏訪中学区 in the areas pane
            t.send("j")
        t.settle("エリア: 諏訪中学区")
        t.send("Tab")
        s = t.settle("[関係者・団体")
        for _ in range(3):
            if "w 兼務" in s:
                break
            t.send(".")
            s = t.settle("[関係者・団体")
        if "w 兼務" not in s:
            fail("the directory's key bar never shows w 兼務", s)
        t.send("w")
        s = t.settle("兼務の多い人 — 諏訪中学区")
        rows = [l for l in s.split("\n") if "佐藤花子" in l or "池田大輔" in l or "落合一郎" in l]
        if len(rows) != 2 or "佐藤花子" not in rows[0] or "池田大輔" not in rows[1]:
            fail("expected 佐藤 (3 roles) then 池田 (1), no one of 落合", s)
        if "⚠ 2027-01-15 まで" not in rows[0] or " 3 " not in rows[0]:
            fail("佐藤's term ending soon is not marked in monochrome", s)
        if "⚠" in rows[1]:
            fail("池田 has no term ending soon", s)
        if "諏訪自治会: 会長 (⚠任期 2027-01-15 まで)、子ども会: 会計、防災会: 委員" not in s:
            fail("the selected person's roles are not shown whole", s)
        t.send("Enter")
        t.settle("関係者・団体: 佐藤花子", "役職・所属")
        t.send("q")
        t.settle("兼務の多い人")
        t.send("q", "q")
        if t.wait_exit() != 0:
            fail("exit status not 0", t.screen())
    print("ok")


if __name__ == "__main__":
    main()

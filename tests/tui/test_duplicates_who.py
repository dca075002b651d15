"""The duplicates screen (=) tells namesakes apart as the directory does:
two 佐藤 花子 with the same よみ show each her own area, generation and role
(組織), and the last digits of her phone only when she consented (the
lists' rule: a person's contact details need 本人同意).  When choosing which
to keep, each choice names one party whole."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

NAME = "佐藤 花子"


def row_of(s, *markers):
    rows = [l for l in s.split("\n") if all(m in l for m in markers)]
    return rows[0] if rows else ""


def leaks_phone(text):
    """The second party's phone, as the screen would show it (whole or as
    its last digits): not the bare digits, which a random id or the
    temporary directory's name may hold."""
    return "555-9876" in text or "…9876" in text


def main():
    with Tui(cols=200, rows=30) as t:
        t.cli("init")
        club = t.cli("add", "party", "--name", "諏訪ひまわり会", "--kind", "org").strip()
        a = t.cli("add", "party", "--name", NAME, "--kind", "person", "--kana", "さとうはなこ",
                  "--areas", "諏訪", "--generation", "シニア", "--phone", "042-333-4567",
                  "--consent", "1").strip()
        b = t.cli("add", "party", "--name", NAME, "--kind", "person", "--kana", "さとうはなこ",
                  "--areas", "落合", "--generation", "若者", "--phone", "042-555-9876").strip()
        t.cli("add", "membership", "--person_id", a, "--org_id", club, "--role", "会計")
        t.start()
        t.settle("全エリア")
        t.send("=")
        s = t.settle("重複の疑い 1 組")
        # the pair's two lines: each party with what is hers
        first, second = row_of(s, "○ " + NAME), row_of(s, "⇔ " + NAME)
        for want in ("諏訪中学区", "シニア", "会計(諏訪ひまわり会)", "…4567",
                     "よみ:さとうはなこ", a[-8:]):
            if want not in first:
                fail("the first party's line lacks %r" % want, s)
        for want in ("落合中学区", "若者", "よみ:さとうはなこ", b[-8:], "氏名・よみが同じ"):
            if want not in second:
                fail("the second party's line lacks %r" % want, s)
        if "落合中学区" in first or "諏訪中学区" in second:
            fail("an area is shown by the other party's name", s)
        if leaks_phone(s):
            fail("the phone of a person without consent shows", s)
        t.send("Enter")
        s = t.settle("どちらを残しますか")
        keep_a = row_of(s, "残す: ", a[-8:])
        keep_b = row_of(s, "残す: ", b[-8:])
        if "諏訪中学区" not in keep_a or "…4567" not in keep_a or "落合中学区" in keep_a:
            fail("the choice to keep the first does not describe her", s)
        if "落合中学区" not in keep_b or "諏訪中学区" in keep_b or leaks_phone(keep_b):
            fail("the choice to keep the second does not describe her", s)
        t.send("Escape")
        t.settle("重複の疑い 1 組")
        t.send("Escape")
        t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

"""Duplicates in the app: the directory's key bar shows = 重複; the screen
lists 山田 太郎 / 山田　太郎 (same phone, written in another width) with why;
choosing which to keep folds the other into it, its membership moves, and
the CLI sees one 山田 太郎 with the group."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, find_hint  # noqa: E402


def main():
    with Tui(cols=110, rows=30) as t:
        t.cli("init")
        keep = t.cli("add", "party", "--name", "山田 太郎", "--phone", "042-111-2222").strip()
        other = t.cli("add", "party", "--name", "山田　太郎", "--phone",
                      "０４２（１１１）２２２２").strip()
        group = t.cli("add", "party", "--kind", "org", "--name", "さくら会").strip()
        t.cli("add", "membership", "--person_id", other, "--org_id", group, "--role", "会計")

        t.start()
        t.wait_for("全エリア")
        t.send("Tab")                    # the directory, its key bar drawn
        t.wait_for("関係者")
        find_hint(t, "= 重複", "関係者")  # on a page of the bar
        t.send("=")
        t.wait_for("重複の疑い 1 組", "電話が同じ", keep[-8:], other[-8:])
        t.send("Enter")
        s = t.wait_for("どちらを残しますか", "そのままにする")
        first = [l for l in s.split("\n") if "残す: " in l][:1]
        if not first or "(%s)" % keep[-8:] not in first[0]:
            fail("the first choice is not to keep the older party", s)
        t.send("Enter")                  # keep the first, fold the second
        t.wait_for("%s を %s にまとめました" % (other[-8:], keep[-8:]))

        out = t.cli("show", "party", keep)
        if "さくら会  会計" not in out:
            fail("the membership did not move to the party kept:\n" + out)
        out = t.cli("list", "parties", "--search", "山田", "--format", "tsv")
        if out.count("山田") != 1:
            fail("two 山田 太郎 still listed:\n" + out)
        t.send("=")
        t.wait_for("重複の疑いのある関係者はいません")
        t.send("?")
        s = t.settle("ヘルプ")  # drawn whole before it is read
        if "同じ人・団体らしい関係者" not in s:
            t.send("Space")              # the help's next page
            t.wait_for("同じ人・団体らしい関係者")
        t.send("q")
        t.send("q")
        if t.wait_exit() != 0:
            fail("exit status")


if __name__ == "__main__":
    main()

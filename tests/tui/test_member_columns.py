"""A party's page lists its memberships in columns: on a group's page the
members' names, their roles and their terms each start in the same display
column on every line, though the names and roles are of different widths
(Japanese takes two columns, Latin letters one)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, col_of, fail, quit_ok  # noqa: E402

GROUP = "諏訪ひまわり会"
MEMBERS = [("林 一", "会長", "2024-04-01"), ("長谷川 美由紀", "副会長", "2023-04-01"),
           ("Tanaka Ken", "会計", "2022-04-01")]


def main():
    with Tui(cols=100, rows=30) as t:
        t.cli("init")
        org = t.cli("add", "party", "--name", GROUP, "--kind", "org", "--areas", "諏訪").strip()
        for name, role, since in MEMBERS:
            pid = t.cli("add", "party", "--name", name, "--kind", "person").strip()
            t.cli("add", "membership", "--person_id", pid, "--org_id", org, "--role", role,
                  "--from_date", since)
        t.start()
        t.settle("全エリア")
        t.send("Tab", "/")
        t.type("ひまわり")
        t.send("Enter")
        t.settle("検索:ひまわり")
        t.send("Enter")
        s = t.settle("関係者・団体: " + GROUP, "役職・所属", MEMBERS[-1][0])
        rows = s.split("\n")
        cols = []
        for name, role, since in MEMBERS:
            line = [r for r in rows if name in r and role in r]
            if not line:
                fail("no membership line for %s %s" % (name, role), s)
            l = line[0]
            cols.append((col_of(l, name), col_of(l, role), col_of(l, since)))
        for i, what in enumerate(("names", "roles", "terms")):
            if len({c[i] for c in cols}) != 1:
                fail("the members' %s do not start in one column: %s" %
                     (what, [c[i] for c in cols]), s)
        t.send("q")
        t.settle("[関係者・団体")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

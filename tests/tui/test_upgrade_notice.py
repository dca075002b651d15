"""An older file is upgraded as the program opens it, up to a minute on a
city's file.  The screen says so while it runs, and the status line says
afterwards that it was done and where the original file is kept
(FILE.bak-vN): without it a coordinator saw the old screen or nothing
for that minute and no word of the backup."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402

TO_V4 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "lib", "to-v4.sql")


def main():
    with Tui(cols=120, rows=24) as t:
        t.cli("init")
        t.cli("add", "party", "--name", "旧版の会", "--kind", "org")
        with open(TO_V4, "rb") as sql:
            subprocess.run(["sqlite3", t.db], stdin=sql, check=True)
        t.start()
        s = t.settle("全エリア")
        if "ファイルを新しい版 (4 → " not in s or ".bak-v4 にあります" not in s:
            fail("the status line does not say the file was upgraded, and where the original is", s)
        if not os.path.exists(t.db + ".bak-v4"):
            fail("no backup %s.bak-v4" % t.db, s)
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

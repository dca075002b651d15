"""The app's `:export` never writes over the open database, and asks
before replacing an existing file (issue 14 item 1): n keeps it, y
replaces it."""
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def command(t, line):
    t.send(":")
    t.type(line)
    t.send("Enter")


def main():
    with Tui(cols=120) as t:
        t.cli("init")
        t.cli("add", "party", "--kind", "person", "--name", "鈴木一郎", "--consent", "1")
        t.start()
        t.wait_for("全エリア")
        before = digest(t.db)

        command(t, "export parties " + t.db)
        t.wait_for("開いているデータベースそのものです")
        if digest(t.db) != before:
            fail("the database was changed by :export onto itself")

        out = os.path.join(t.tmp, "名簿.csv")
        with open(out, "w", encoding="utf-8") as f:
            f.write("手で作った表\n")
        command(t, "export parties " + out)
        t.wait_for("既にあります。上書きしますか")
        t.send("n")
        t.wait_for("全エリア")
        with open(out, encoding="utf-8") as f:
            if f.read() != "手で作った表\n":
                fail("n did not keep the file")
        command(t, "export parties " + out)
        t.wait_for("既にあります。上書きしますか")
        t.send("y")
        t.wait_for("書き出しました")
        with open(out, encoding="utf-8-sig") as f:
            if "鈴木一郎" not in f.read():
                fail("y did not replace the file")
    print("ok: :export guards the database and asks before replacing")


if __name__ == "__main__":
    main()

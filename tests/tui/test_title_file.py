"""The title bar names the open file by its name at any width: in the
office ⇄ laptop work the office file and the laptop's copy differ only in
their names, which a cut path lost (「ファイル: /tmp…」 at 60 columns,
「…/.local/shar…」 at 80).  The path gives way from its start (…/laptop.db)
and, where even that would not fit, the user's name gives way first."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402


def main():
    for cols in (60, 80):
        with Tui(cols=cols, rows=20) as t:
            folder = os.path.join(t.tmp, "共有フォルダ", "持ち出し用", "令和8年度")
            os.makedirs(folder)
            t.db = t.env["TSUNAGU_DB"] = os.path.join(folder, "laptop.db")
            t.cli("init")
            t.start()
            s = t.settle("全エリア")
            title = s.split("\n")[0].rstrip()
            if not title.endswith("/laptop.db"):
                fail("%d columns: the file's name is not in the title: %r" % (cols, title), s)
            if "ファイル: …" not in title:
                fail("%d columns: the path is not cut from its start: %r" % (cols, title), s)
            if cols == 80 and "利用者: 山田花子" not in title:
                fail("80 columns: the user's name gave way with room for both", s)
            quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

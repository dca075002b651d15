"""The directory marks a key person with ＊ under the heading 鍵, and the
status line of the selected row now says what the mark means:
「＊キーパーソン  佐々木 一郎 (ささき いちろう) …」.  Nothing on the screen
said it before; 鍵 alone reads as a door key.  A person who is not one
has no such words.  The same in 兼務 (w)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, quit_ok  # noqa: E402


def status(s):
    return s.rstrip("\n").split("\n")[-2]


def main():
    with Tui(cols=80, rows=24) as t:
        t.cli("init")
        t.cli("add", "party", "--kind", "person", "--name", "佐々木 一郎", "--kana",
              "ささき いちろう", "--key_person", "1", "--areas", "諏訪")
        t.cli("add", "party", "--kind", "person", "--name", "佐藤 花子", "--kana",
              "さとう はなこ", "--areas", "諏訪")
        t.start()
        t.settle("全エリア")
        t.send("Tab")                        # the directory: 佐々木 first
        s = t.settle("関係者・団体", "＊")
        if not status(s).startswith("＊キーパーソン  佐々木 一郎"):
            fail("the key person's status line does not say キーパーソン", s)
        t.send("j")
        s = t.settle("佐藤 花子 (さとう はなこ)")
        if "キーパーソン" in status(s):
            fail("a person who is no key person is called one", s)
        # 兼務 (w) marks them as ＊ too, and says so for the selected one
        t.send("w")
        s = t.settle("兼務の多い人", "＊佐々木 一郎")
        if not status(s).startswith("＊キーパーソン"):
            fail("the key person's line in 兼務 does not say キーパーソン", s)
        t.send("q")
        t.settle("全エリア")
        quit_ok(t)
    print("ok")


if __name__ == "__main__":
    main()

"""tsunagu --timing FILE (issue 13, scripts/bench): the full-screen program
writes, to a file of its own (0600), when its first frame was on screen and,
for every key, how long it took until the next frame; a search typed in
the directory (which gives way to each next key) still ends on the result
of the whole query; nothing of what the screen shows is in the file."""
import os
import re
import stat
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail  # noqa: E402


def lines_of(path):
    try:
        with open(path, encoding="ascii") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


def main():
    with Tui(cols=110, rows=30) as t:
        t.cli("init", "--demo")
        timing = os.path.join(t.tmp, "timing.txt")
        t.start("--timing", timing, "-d", t.db)
        t.settle("全エリア")
        t.send("Tab")
        t.settle("関係者")
        t.send("/")
        t.wait_for("検索")
        t.type("山田")                      # typed at once: 山 gives way to 田
        t.wait_for("検索:山田")
        t.send("Enter")
        s = t.settle("検索:山田")
        want = [r["name"] for r in t.cli_json("list", "parties", "--search", "山田")]
        if not want or want[0] not in s:
            fail("the directory does not end on the search's result %r" % want[:3], s)
        t.send("q")
        lines = lines_of(timing)
        if not lines or not re.fullmatch(r"first-frame \d+\.\d{3}", lines[0]):
            fail("no first-frame line: %r" % lines[:3])
        keys = [l.split() for l in lines[1:]]
        if not all(len(k) == 3 and re.fullmatch(r"[UF]\+[0-9A-F]{4,}", k[1]) for k in keys):
            fail("key lines malformed: %r" % lines)
        codes = [k[1] for k in keys]
        for code in ("U+0009", "U+002F", "U+5C71", "U+7530"):
            if code not in codes:
                fail("no line for key %s: %r" % (code, codes))
        if "山" in open(timing, encoding="ascii", errors="replace").read():
            fail("the timing file holds text")
        mode = stat.S_IMODE(os.stat(timing).st_mode)
        if mode != 0o600:
            fail("timing file mode %o" % mode)
    print("ok")


main()

"""The help screen reads as a table at 80 and at 60 columns: a key's
explanation too long for one line goes on under the explanation (the
column after the keys), not at the left edge under the keys, and a Latin
word (Excel, $EDITOR, sync_dir) is never cut in two across lines.  The
terminal is tall so that the whole help is one screen to read back."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, col_of, fail  # noqa: E402

WORDS = ("Excel", "$EDITOR", "$VISUAL", "sync_dir", "HTML", "merge")


def body(s):
    rows = s.split("\n")
    return rows[1:]


def check_form_section(rows, cols, s):
    """The form's keys (入力欄) wrap where the line is full, not where a
    line of the source text happened to end (at 60 columns 「…打った文字は
    入ら」「ず、」「そのことを…」 stood on three lines)."""
    start = next(i for i, r in enumerate(rows) if r.startswith(" 入力欄"))
    section = []
    for r in rows[start + 1:]:
        if not r.strip():
            break
        section.append(r)
    width = __import__("tuitest").width
    for a, b in zip(section, section[1:]):
        lead_a = len(a) - len(a.lstrip(" "))
        lead_b = len(b) - len(b.lstrip(" "))
        goes_on = lead_b > lead_a or (lead_b == lead_a and lead_a > 3)
        if goes_on and width(a) < cols - 2 - 16:
            fail("at %d columns a form help line breaks before it is full: %r / %r"
                 % (cols, a, b), s)


def check(cols):
    with Tui(cols=cols, rows=200) as t:
        t.cli("init")
        t.start()
        t.wait_for("全エリア")
        t.send("?")
        s = t.settle("キー一覧", "入力欄")
        rows = body(s)
        entry = re.compile(r"^   (\S+( \S+)*) +(\S.*)$")
        desc_col = None
        checked = 0
        in_keys = False
        for i, line in enumerate(rows):
            if line.startswith(" キー"):
                in_keys = True
                continue
            if not line.strip():
                in_keys = False
                continue
            if not in_keys:
                continue
            m = entry.match(line)
            if m and col_of(line, m.group(3)) > 4:
                desc_col = col_of(line, m.group(3))
                continue
            # a continuation of the entry above
            lead = len(line) - len(line.lstrip(" "))
            if desc_col is None or lead != desc_col:
                fail("at %d columns a help line goes on at column %d, not under its "
                     "explanation (column %s): %r" % (cols, lead, desc_col, line), s)
            checked += 1
        if checked == 0:
            fail("no explanation was long enough to wrap at %d columns" % cols, s)
        check_form_section(rows, cols, s)
        text = "\n".join(rows)
        for w in WORDS:
            if w not in text:
                fail("%r is cut across lines at %d columns" % (w, cols), s)
        t.send("q")
        t.wait_for("全エリア")


def main():
    check(80)
    check(60)
    print("ok: help explanations wrap under themselves, words whole")


if __name__ == "__main__":
    main()

"""The screen at 80×24 with Japanese data: three panes, borders and columns
aligned by display width (CJK = 2 columns), the bottom line of keys; the
layout follows a terminal resize; NO_COLOR output carries no colour but
still marks the selection (reverse video); a C locale falls back to
C.UTF-8."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuitest import Tui, fail, width, col_of  # noqa: E402


def char_at(line, col):
    """The character covering display column col ('' past the end)."""
    w = 0
    for ch in line:
        cw = width(ch)
        if w <= col < w + max(cw, 1):
            return ch
        w += cw
    return ""


def check_borders(s, cols):
    rows = s.split("\n")
    body = [r for r in rows[1:] if r.startswith("│") or r.startswith("┌") or r.startswith("└")]
    if len(body) < 10:
        fail("panes not drawn", s)
    for r in body:
        if width(r) != cols:
            fail("row is %d columns wide, not %d: %r" % (width(r), cols, r), s)
        if char_at(r, cols - 1) not in "│┐┘":
            fail("right border not in the last column: %r" % r, s)
    # the border between Areas and the right-hand panes stands in one column
    first = body[0]
    cut = col_of(first, "┐")
    for r in body:
        if char_at(r, cut) not in "│┐┘":
            fail("Areas border not in column %d: %r" % (cut, r), s)


def check_directory_columns(s):
    rows = s.split("\n")
    head = [i for i, r in enumerate(rows) if "名称・氏名" in r and "よみ" in r]
    if not head:
        fail("directory headings missing", s)
    h = head[0]
    kana = col_of(rows[h], "よみ")
    name = col_of(rows[h], "名称・氏名")
    n = 0
    for r in rows[h + 1:]:
        if r.startswith("│") and "└" not in r and "┘" not in r:
            seg = r
            # each row: a blank just before the よみ column, and the name
            # column starts exactly under its heading
            if char_at(seg, kana - 1) != " ":
                fail("よみ column misaligned in %r" % r, s)
            if char_at(seg, name - 1) != " ":
                fail("名称 column misaligned in %r" % r, s)
            n += 1
        else:
            break
    if n < 3:
        fail("too few directory rows to check (%d)" % n, s)


def check_board_columns(s):
    rows = s.split("\n")
    head = [i for i, r in enumerate(rows) if "未着手" in r and "完了" in r]
    if not head:
        fail("board headings missing", s)
    h = rows[head[0]]
    seps = [col_of(h, x) - 1 for x in ("対応中", "保留", "完了")]
    for r in rows[head[0]:]:
        if not r.startswith("│"):
            break
        for c in seps:
            if char_at(r, c) != "│":
                fail("board column separator not at %d in %r" % (c, r), s)


def dir_heading(s):
    """The directory's heading row, from its first heading on."""
    rows = [l for l in s.split("\n") if "鍵 種別" in l]
    return rows[0][rows[0].index("鍵 種別"):] if rows else ""


def main():
    with Tui() as t:
        t.cli("init", "--demo")
        t.start()
        s = t.settle("全エリア", "関係者・団体", "課題ボード", "未着手", "対応中", "保留", "完了",
                     "q 終了")
        if len(s.rstrip("\n").split("\n")) != 24:
            fail("screen is not 24 rows", s)
        check_borders(s, 80)
        # Areas focused: the aging-rate column shows at 80 columns
        if "高齢化" not in s or "第一小学区" not in s:
            fail("areas pane incomplete", s)
        t.send("Tab")
        s = t.settle("[関係者・団体")
        check_borders(s, 80)
        check_directory_columns(s)
        check_board_columns(s)
        if not s.rstrip("\n").split("\n")[-1].startswith("Enter 開く"):
            fail("bottom line does not show the keys", s)
        sys.stdout.write(s)

        # resize: wider and taller, then back
        t.resize(120, 36)
        # 世代 and 役職 are columns of their own only on a wide screen
        t.wait_until("the wide directory's columns", lambda s: "世代" in dir_heading(s))
        s = t.settle("[関係者・団体")
        if len(s.rstrip("\n").split("\n")) != 36:
            fail("screen did not follow the resize to 36 rows", s)
        check_borders(s, 120)
        check_directory_columns(s)
        check_board_columns(s)
        t.resize(80, 24)
        t.wait_until("the narrow directory's columns",  # redrawn for the narrow screen
                     lambda s: "世代" not in dir_heading(s) and "エリア・役職" in dir_heading(s))
        s = t.settle("[関係者・団体")
        check_borders(s, 80)
        check_directory_columns(s)
        t.send("q")
        t.wait_exit()

    # monochrome: no colour sequences, selection still in reverse video
    with Tui(env={"NO_COLOR": "1"}) as t:
        t.cli("init")
        t.start()
        t.wait_for("全エリア")
        esc = t.tmux("capture-pane", "-p", "-e", "-t", "main")
        if re.search(r"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)[0-9;]*m", esc):
            fail("colours used although NO_COLOR is set", esc)
        if not re.search(r"\x1b\[[0-9;]*7[;m]", esc):
            fail("no reverse video for the selection without colour", esc)
        t.send("q")
        t.wait_exit()
    # a non-UTF-8 locale in the environment: the program falls back to
    # C.UTF-8 and Japanese still lines up
    with Tui(env={"LANG": "C", "LC_ALL": "C"}) as t:
        t.cli("init")
        t.start()
        s = t.settle("全エリア", "東寺方小学区", "q 終了")
        check_borders(s, 80)
        t.send("q")
        t.wait_exit()
    print("ok")


if __name__ == "__main__":
    main()
